import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { verifyEvidencePack, type PackVerification } from '@attest/evidence';
import request from 'supertest';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { exportPack, packFiles, packJson, publishedKey, rezip, tamper } from './support/evidence-packs';
import { sealAll } from './support/ledger';
import { errorCode, ok, principalWithRole, REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const REVIEW = `mutation($id: ID!, $r: String!) { reviewDecision(id: $id, verdict: APPROVE, rationale: $r) { id } }`;

/** The status of each check by name, for assertions that read like the verifier's report. */
const statuses = (v: PackVerification) => Object.fromEntries(v.checks.map((c) => [c.name, c.status]));
const firstFailure = (v: PackVerification) => v.checks.find((c) => c.status === 'failed');

describe('decision evidence packs', () => {
  let t: TestApp;
  let policiesDir: string;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let key: KeyObject;
  let reviewedId: string;
  let pack: Buffer;

  const record = async (extra: Record<string, unknown>) =>
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) })).recordDecision.decision as { id: string; status: string };

  beforeAll(async () => {
    // A private copy of policies/ with a second pack, to judge a decision under a pack that is later replaced.
    policiesDir = mkdtempSync(join(tmpdir(), 'attest-policies-'));
    cpSync(join(REPO_ROOT, 'policies'), policiesDir, { recursive: true });
    cpSync(join(policiesDir, 'default'), join(policiesDir, 'revised'), { recursive: true });
    const annotate = join(policiesDir, 'revised', 'annotate-dev-decisions.yaml');
    writeFileSync(annotate, readFileSync(annotate, 'utf8').replace(/^version: 1$/m, 'version: 2'));
    t = await startTestApp({ ATTEST_POLICIES_DIR: policiesDir, ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit', trainingPii: ['financial'] });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted by the AI board") { digest } }'));
    const pending = await record({
      confidence: 0.3,
      correlationId: 'claim-42',
      context: { channel: 'web' },
      explanation: [
        { featureAttribution: { feature: 'amount', value: 1200, weight: 0.4 } },
        { ruleFired: { ruleId: 'large-claim', outcome: 'matched' } },
      ],
    });
    expect(pending.status).toBe('PENDING_REVIEW');
    reviewedId = pending.id;
    ok(await t.gql(officer.key, REVIEW, { id: reviewedId, r: 'Checked the invoice' }));
    await sealAll(t);
    key = (await publishedKey(t)).key;
    pack = await exportPack(t, officer.key, reviewedId);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(policiesDir, { recursive: true, force: true });
  });

  it('holds the decision, its trace, evaluation, pack content, review, lineage, audit events and proofs, and verifies offline', async () => {
    const files = [...packFiles(pack).keys()].sort();
    expect(files).toEqual([
      'audit-events.json',
      'decision.json',
      'ledger/checkpoint.json',
      'ledger/facts.json',
      'ledger/key.json',
      'lineage.json',
      'manifest.json',
      'policy-pack.json',
      'reviews.json',
      'summary.pdf',
    ]);
    const decision = packJson(pack, 'decision.json');
    expect(decision).toMatchObject({
      id: reviewedId,
      status: 'pending_review',
      input: { claim: { amount: 1200, kind: 'motor' } },
      context: { channel: 'web' },
      policy: { effect: 'require_review' },
    });
    expect(decision.explanation.map((s: { kind: string }) => s.kind)).toEqual(['feature_attribution', 'rule_fired']);
    expect(packJson(pack, 'reviews.json')).toEqual([expect.objectContaining({ verdict: 'approve', rationale: 'Checked the invoice' })]);
    const facts = packJson(pack, 'ledger/facts.json') as { kind: string }[];
    expect(new Set(facts.map((x) => x.kind))).toEqual(
      new Set([
        'decision',
        'decision_review',
        'automation_version',
        'model_version',
        'dataset_version',
        'policy_pack_activation',
        'audit_event',
      ]),
    );
    const lineage = packJson(pack, 'lineage.json');
    expect(lineage.modelVersion.artifactDigest).toBe(`sha256:${'a'.repeat(64)}`);
    expect(lineage.datasetVersions.map((v: { digest: string }) => v.digest)).toEqual([`sha256:${'d'.repeat(64)}`]);

    const verification = verifyEvidencePack(pack, { publicKey: key });
    expect(verification.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(statuses(verification)).toEqual({
      'pack files': 'passed',
      'checkpoint signature': 'passed',
      'ledger leaves': 'passed',
      'records against sealed facts': 'passed',
      'content against commitments': 'passed',
      'policy pack content': 'passed',
      'pack in force': 'passed',
      're-evaluation': 'passed',
    });
  });

  it('carries a PDF summary a person can read: the decision, why, the policies, the review, the lineage and how to verify', () => {
    const summary = pdfText(packFiles(pack).get('summary.pdf')!);
    expect(summary).toContain(squeezed(`Evidence pack: decision ${reviewedId}`));
    for (const expected of [
      'The decision',
      'Why: the explanation trace',
      'feature attribution',
      'high-risk-low-confidence-review v1',
      'Checked the invoice',
      `sha256:${'a'.repeat(64)}`,
      'Ledger proofs',
      'attest evidence verify',
    ]) {
      expect([expected, summary.includes(squeezed(expected))]).toEqual([expected, true]);
    }
  });

  it('records the export on the audit trail with the digest handed over', async () => {
    const events = ok(await t.gql(t.adminKey, `{ decision(id: "${reviewedId}") { auditEvents { action actorId after } } }`)).decision
      .auditEvents;
    const exports = events.filter((e: { action: string }) => e.action === 'evidence.exported');
    expect(exports.length).toBeGreaterThanOrEqual(1);
    expect(exports[0]).toMatchObject({ actorId: officer.id, after: { pack: 'decision' } });
  });

  it.each([
    [
      'one leaf',
      'ledger/facts.json',
      (facts: any[]) => withFirst(facts, 'decision', (x) => ({ ...x, leaf: x.leaf.replace('"pending_review"', '"recorded"') })),
      'ledger leaves',
    ],
    [
      'one proof hash',
      'ledger/facts.json',
      (facts: any[]) => withFirst(facts, 'decision', (x) => ({ ...x, proof: { ...x.proof, hashes: flipFirst(x.proof.hashes) } })),
      'ledger leaves',
    ],
    [
      'the checkpoint',
      'ledger/checkpoint.json',
      (c: { note: string }) => ({ note: c.note.replace(/\n(\d+)\n/, (_m, n) => `\n${Number(n) + 1}\n`) }),
      'checkpoint signature',
    ],
    [
      'the pack content',
      'policy-pack.json',
      (p: any) => ({ ...p, policies: p.policies.filter((x: { id: string }) => x.id !== 'annotate-dev-decisions') }),
      'policy pack content',
    ],
    [
      'one recorded effect',
      'decision.json',
      (d: any) => ({ ...d, policy: { ...d.policy, effect: 'allow' } }),
      'records against sealed facts',
    ],
    [
      'the stored input',
      'decision.json',
      (d: any) => ({ ...d, input: { claim: { amount: 12, kind: 'motor' } } }),
      'content against commitments',
    ],
  ])('fails at the right check when %s is altered', (_what, path, edit, check) => {
    const verification = verifyEvidencePack(tamper(pack, path, edit as (v: any) => any), { publicKey: key });
    expect(verification.ok).toBe(false);
    expect(firstFailure(verification)?.name).toBe(check);
  });

  it('fails the files check when a file is changed behind the manifest', () => {
    const files = packFiles(pack);
    files.set('reviews.json', Buffer.from('[]\n'));
    const verification = verifyEvidencePack(rezip(files), { publicKey: key });
    expect(firstFailure(verification)).toMatchObject({ name: 'pack files', detail: expect.stringContaining('reviews.json was changed') });
  });

  it('verifies a decision judged by a pack that is no longer active', async () => {
    const under = await record({ confidence: 0.95 });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "revised", rationale: "annotations reworded") { digest } }'));
    await sealAll(t);
    const older = await exportPack(t, officer.key, under.id);
    const verification = verifyEvidencePack(older, { publicKey: key });
    expect(verification.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    const digest = packJson(older, 'policy-pack.json').digest;
    expect(ok(await t.gql(t.adminKey, '{ activePolicyPack { digest } }')).activePolicyPack.digest).not.toBe(digest);
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "back to the board pack") { digest } }'));
  });

  it('gives an auditor the pack without the input, output and context, still verifiable', async () => {
    const forAuditor = await exportPack(t, auditor.key, reviewedId);
    const decision = packJson(forAuditor, 'decision.json');
    expect(decision).toMatchObject({ input: null, output: null, context: null, explanation: null });
    expect(packJson(forAuditor, 'manifest.json').withheld).toEqual(['input', 'output', 'context']);
    const summary = pdfText(packFiles(forAuditor).get('summary.pdf')!);
    expect(summary).toContain(squeezed('Withheld from this pack (the exporting role may not read them): input, output, context.'));
    expect(summary).toContain(squeezed('Gap: withheld from this pack with the input it quotes'));
    const facts = packJson(forAuditor, 'ledger/facts.json') as { kind: string; openings?: Record<string, unknown> }[];
    const decisionFact = facts.find((x) => x.kind === 'decision')!;
    expect(Object.keys(decisionFact.openings ?? {})).not.toEqual(expect.arrayContaining(['input']));
    const verification = verifyEvidencePack(forAuditor, { publicKey: key });
    expect(verification.ok).toBe(true);
    // Nothing of the input anywhere in the pack: not in an opening, an audit event or the lineage.
    for (const [path, bytes] of packFiles(forAuditor)) expect([path, bytes.toString('utf8').includes('motor')]).toEqual([path, false]);
  });

  it('refuses the service role, through GraphQL and the download', async () => {
    expect(
      errorCode(await t.gql(f.service.key, 'mutation($id: ID!) { decisionEvidence(decisionId: $id) { sha256 } }', { id: reviewedId })),
    ).toBe('FORBIDDEN');
    const res = await request(t.app.getHttpServer())
      .get(`/api/v1/decisions/${reviewedId}/evidence.zip`)
      .set('authorization', `Bearer ${f.service.key}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('serves the same pack as a download, and answers a bad or unknown id with its code', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/v1/decisions/${reviewedId}/evidence.zip`)
      .set('authorization', `Bearer ${officer.key}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evidence-decision-${reviewedId}.zip"`);
    expect(verifyEvidencePack(res.body as Buffer, { publicKey: key }).ok).toBe(true);
    const unknown = await request(t.app.getHttpServer())
      .get('/api/v1/decisions/00000000-0000-4000-8000-000000000000/evidence.zip')
      .set('authorization', `Bearer ${officer.key}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await t.gql(officer.key, 'mutation { decisionEvidence(decisionId: "nope") { sha256 } }');
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('refuses a decision not sealed yet with CONFLICT, and exports it once sealed', async () => {
    const fresh = await record({ confidence: 0.97 });
    const response = await t.gql(officer.key, 'mutation($id: ID!) { decisionEvidence(decisionId: $id) { sha256 } }', { id: fresh.id });
    // The embedded default seals in-process every 250 ms: the decision may already be sealed.
    if (response.errors) expect(errorCode(response)).toBe('CONFLICT');
    await sealAll(t);
    expect(verifyEvidencePack(await exportPack(t, officer.key, fresh.id), { publicKey: key }).ok).toBe(true);
  });
});

/**
 * The text of a PDF as poppler's pdftotext reads it, without spaces and hyphens: a long value wraps
 * at either (and pdftotext drops a hyphen at a line's end). Compare with `squeezed` text.
 */
function pdfText(pdf: Buffer): string {
  return squeezed(execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8'));
}

function squeezed(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

function withFirst(facts: any[], kind: string, edit: (fact: any) => any): any[] {
  const i = facts.findIndex((x) => x.kind === kind);
  return facts.map((x, j) => (j === i ? edit(x) : x));
}

function flipFirst(hashes: string[]): string[] {
  const first = Buffer.from(hashes[0], 'base64');
  first[0] ^= 1;
  return [first.toString('base64'), ...hashes.slice(1)];
}

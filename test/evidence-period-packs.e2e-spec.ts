import type { KeyObject } from 'node:crypto';
import { verifyEvidencePack, type PackVerification } from '@attest/evidence';
import request from 'supertest';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import {
  AUDIT_PERIOD_EVIDENCE,
  exportOtherPack,
  MODEL_VERSION_EVIDENCE,
  packFiles,
  packJson,
  publishedKey,
  tamper,
  tamperText,
} from './support/evidence-packs';
import { sealAll } from './support/ledger';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const MOVE =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';
const REVIEW = `mutation($id: ID!, $v: ReviewVerdict!, $r: String!, $o: JSON) {
  reviewDecision(id: $id, verdict: $v, rationale: $r, correctedOutput: $o) { id } }`;
const DAY_MS = 86_400_000;

const statuses = (v: PackVerification) => Object.fromEntries(v.checks.map((c) => [c.name, c.status]));
const firstFailure = (v: PackVerification) => v.checks.find((c) => c.status === 'failed');

describe('model version and audit period evidence packs', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let key: KeyObject;
  let from: string;
  let to: string;
  let modelPack: Buffer;
  let periodPack: Buffer;

  const record = async (extra: Record<string, unknown> = {}) =>
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) })).recordDecision.decision as { id: string; status: string };

  beforeAll(async () => {
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    from = new Date(Date.now() - 60_000).toISOString();
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit', trainingPii: ['financial'] });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted by the AI board") { digest } }'));
    // The gate judges both moves under the active pack; the officer approves what the admin submitted.
    ok(await t.gql(t.adminKey, MOVE, { id: f.modelVersionId, to: 'IN_REVIEW', r: 'ready for review' }));
    ok(await t.gql(officer.key, MOVE, { id: f.modelVersionId, to: 'APPROVED', r: 'validated on the holdout set' }));
    const reviewed = await record({ confidence: 0.3 });
    const overridden = await record({ confidence: 0.2 });
    await record({ confidence: 0.97 });
    expect([reviewed.status, overridden.status]).toEqual(['PENDING_REVIEW', 'PENDING_REVIEW']);
    ok(await t.gql(officer.key, REVIEW, { id: reviewed.id, v: 'APPROVE', r: 'Checked the invoice' }));
    ok(await t.gql(officer.key, REVIEW, { id: overridden.id, v: 'OVERRIDE', r: 'Wrong route', o: { route: 'manual' } }));
    to = new Date(Date.now() + 1_000).toISOString();
    await sealAll(t);
    key = (await publishedKey(t)).key;
    modelPack = await exportOtherPack(t, officer.key, MODEL_VERSION_EVIDENCE, { id: f.modelVersionId });
    periodPack = await exportOtherPack(t, officer.key, AUDIT_PERIOD_EVIDENCE, { from, to, automationId: f.automationId });
  });
  afterAll(() => t?.close());

  it('a model version pack holds its registration, lifecycle, gate verdicts, data, counts and proofs, and verifies offline', () => {
    expect([...packFiles(modelPack).keys()].sort()).toEqual([
      'audit-events.json',
      'dataset-versions.json',
      'decision-counts.json',
      'gate-evaluations.json',
      'ledger/checkpoint.json',
      'ledger/facts.json',
      'ledger/key.json',
      'lifecycle.json',
      'manifest.json',
      'model-version.json',
      'policy-packs.json',
      'summary.pdf',
    ]);
    expect(packJson(modelPack, 'manifest.json')).toMatchObject({
      kind: 'model_version',
      subject: { type: 'ModelVersion', id: f.modelVersionId },
    });
    const version = packJson(modelPack, 'model-version.json');
    expect(version).toMatchObject({
      id: f.modelVersionId,
      status: 'approved',
      trainingDatasetVersions: [{ digest: `sha256:${'d'.repeat(64)}` }],
    });
    const lifecycle = packJson(modelPack, 'lifecycle.json');
    expect(lifecycle.transitions.map((m: { from: string; to: string }) => `${m.from}>${m.to}`)).toEqual([
      'draft>in_review',
      'in_review>approved',
    ]);
    expect(lifecycle.approvals).toEqual([
      expect.objectContaining({ approverId: officer.id, rationale: 'validated on the holdout set', reviewRound: 1 }),
    ]);
    const gates = packJson(modelPack, 'gate-evaluations.json');
    expect(gates.map((g: { from: string; to: string }) => `${g.from}>${g.to}`)).toEqual(['draft>in_review', 'in_review>approved']);
    expect(packJson(modelPack, 'policy-packs.json').map((p: { digest: string }) => p.digest)).toEqual([gates[0].packDigest]);
    expect(packJson(modelPack, 'decision-counts.json')).toMatchObject({
      total: 3,
      byStatus: { recorded: 1, pending_review: 2, blocked: 0 },
      reviewed: 2,
      overridden: 1,
    });
    expect(new Set((packJson(modelPack, 'ledger/facts.json') as { kind: string }[]).map((x) => x.kind))).toEqual(
      new Set(['model_version', 'dataset_version', 'lifecycle_transition', 'lifecycle_approval', 'audit_event']),
    );
    expect(packFiles(modelPack).get('summary.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');

    const verification = verifyEvidencePack(modelPack, { publicKey: key });
    expect(verification.ok).toBe(true);
    expect(statuses(verification)).toEqual({
      'pack files': 'passed',
      'checkpoint signature': 'passed',
      'ledger leaves': 'passed',
      'records against sealed facts': 'passed',
      'content against commitments': 'passed',
      'lifecycle history': 'passed',
      'training and evaluation data': 'passed',
      'gate evaluations': 'passed',
      'policy pack content': 'passed',
      're-evaluation': 'passed',
      'decision counts': 'skipped',
    });
    // Each gate recorded the facts it judged: both moves are replayed offline under the pack content.
    expect(gates.every((g: { facts: unknown }) => g.facts !== null)).toBe(true);
    expect(verification.checks.find((c) => c.name === 're-evaluation')!.detail).toBe(
      '2 gate verdicts replayed on their recorded facts give the sealed effects',
    );
    expect(verification.checks.find((c) => c.name === 'decision counts')!.detail).toMatch(/not proved one by one/);
  });

  it('fails a model version pack at the check that covers the edit', () => {
    const rationale = tamper(modelPack, 'lifecycle.json', (l) => {
      l.transitions[1].rationale = 'rubber-stamped';
      return l;
    });
    expect(firstFailure(verifyEvidencePack(rationale, { publicKey: key }))).toMatchObject({
      name: 'records against sealed facts',
      detail: expect.stringContaining('rationale is "rubber-stamped" in the pack'),
    });
    expect(packJson(modelPack, 'gate-evaluations.json')[1].effect).not.toBe('deny');
    const verdict = tamper(modelPack, 'gate-evaluations.json', (g) => {
      g[1].effect = 'deny';
      return g;
    });
    expect(firstFailure(verifyEvidencePack(verdict, { publicKey: key }))?.name).toBe('gate evaluations');
    const content = tamper(modelPack, 'policy-packs.json', (p) => {
      p[0].policies.pop();
      return p;
    });
    expect(firstFailure(verifyEvidencePack(content, { publicKey: key }))?.name).toBe('policy pack content');
  });

  it('an audit period pack holds the figures and the audit events as CSV with their proofs, and verifies offline', () => {
    expect([...packFiles(periodPack).keys()].sort()).toEqual([
      'audit-events.csv',
      'ledger/checkpoint.json',
      'ledger/facts.json',
      'ledger/key.json',
      'manifest.json',
      'period.json',
      'summary.pdf',
    ]);
    const period = packJson(periodPack, 'period.json');
    expect(period).toMatchObject({
      scope: { type: 'Automation', id: f.automationId, automationKey: f.automationKey },
      decisions: { total: 3, byStatus: { recorded: 1, pending_review: 2, blocked: 0 }, reviewed: 2, overridden: 1, overrideRate: 0.5 },
      blockedAttempts: { deniedDecisions: 0 },
    });
    expect(period.decisions.reviewRate).toBeCloseTo(2 / 3);
    expect(period.policiesFired.length).toBeGreaterThan(0);
    const csv = packFiles(periodPack).get('audit-events.csv')!.toString('utf8').split('\r\n');
    expect(csv[0]).toBe('id,occurredAt,actorId,action,subjectType,subjectId,correlationId,changes,before,after,ledgerIndex');
    const actions = csv.slice(1, -1).map((line) => line.split(',')[3]);
    expect(actions).toEqual(expect.arrayContaining(['decision.reviewed', 'model_version.transitioned']));
    expect(period.auditEvents).toBe(csv.length - 2);

    const verification = verifyEvidencePack(periodPack, { publicKey: key });
    expect(verification.ok).toBe(true);
    expect(statuses(verification)).toEqual({
      'pack files': 'passed',
      'checkpoint signature': 'passed',
      'ledger leaves': 'passed',
      'records against sealed facts': 'passed',
      'content against commitments': 'passed',
      'audit events of the period': 'passed',
      'period figures': 'skipped',
    });
  });

  it('fails an audit period pack on an edited CSV row, a dropped row, or an edited leaf', () => {
    const edited = tamperText(periodPack, 'audit-events.csv', (text) => text.replace(',decision.reviewed,', ',decision.viewed,'));
    expect(firstFailure(verifyEvidencePack(edited, { publicKey: key }))).toMatchObject({
      name: 'records against sealed facts',
      detail: expect.stringContaining('action is "decision.viewed" in the pack'),
    });
    const dropped = tamperText(periodPack, 'audit-events.csv', (text) => {
      const lines = text.split('\r\n');
      return [...lines.slice(0, 1), ...lines.slice(2)].join('\r\n');
    });
    expect(firstFailure(verifyEvidencePack(dropped, { publicKey: key }))).toMatchObject({
      name: 'audit events of the period',
      detail: expect.stringContaining('is missing from audit-events.csv'),
    });
    const leaf = tamper(periodPack, 'ledger/facts.json', (facts) => {
      facts[0].leaf = facts[0].leaf.replace(/"action": ?"[^"]+"/, '"action": "tenant.deleted"');
      return facts;
    });
    expect(firstFailure(verifyEvidencePack(leaf, { publicKey: key }))?.name).toBe('ledger leaves');
  });

  it('covers the whole tenant when no automation is given, the export itself on the audit trail', async () => {
    const pack = await exportOtherPack(t, auditor.key, AUDIT_PERIOD_EVIDENCE, { from, to: new Date(Date.now() + 1_000).toISOString() });
    expect(packJson(pack, 'period.json').scope).toEqual({ type: 'Tenant', id: expect.any(String) });
    expect(verifyEvidencePack(pack, { publicKey: key }).ok).toBe(true);
    const events = ok(
      await t.gql(t.adminKey, '{ auditEvents(filter: { action: "evidence.exported" }) { edges { node { subjectType after } } } }'),
    );
    expect(events.auditEvents.edges.map((e: { node: { subjectType: string } }) => e.node.subjectType)).toEqual(
      expect.arrayContaining(['ModelVersion', 'Automation', 'Tenant']),
    );
  });

  it('gives an auditor packs with no decision input, output or context', async () => {
    const forAuditor = await exportOtherPack(t, auditor.key, MODEL_VERSION_EVIDENCE, { id: f.modelVersionId });
    const period = await exportOtherPack(t, auditor.key, AUDIT_PERIOD_EVIDENCE, { from, to, automationId: f.automationId });
    for (const pack of [forAuditor, period]) {
      expect(verifyEvidencePack(pack, { publicKey: key }).ok).toBe(true);
      // The fixture's input says "motor" and its output "fast-track"; the override's corrected output "manual".
      for (const [path, bytes] of packFiles(pack)) {
        const text = bytes.toString('utf8');
        expect([path, text.includes('motor') || text.includes('fast-track') || text.includes('"manual"')]).toEqual([path, false]);
      }
    }
  });

  it('refuses the service role, through GraphQL and the downloads', async () => {
    expect(errorCode(await t.gql(f.service.key, MODEL_VERSION_EVIDENCE, { id: f.modelVersionId }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(f.service.key, AUDIT_PERIOD_EVIDENCE, { from, to }))).toBe('FORBIDDEN');
    for (const path of [
      `/api/v1/model-versions/${f.modelVersionId}/evidence.zip`,
      `/api/v1/audit-periods/evidence.zip?from=${from}&to=${to}`,
    ]) {
      const res = await request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${f.service.key}`);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('serves both packs as downloads', async () => {
    const download = (path: string) =>
      request(t.app.getHttpServer())
        .get(path)
        .set('authorization', `Bearer ${officer.key}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const model = await download(`/api/v1/model-versions/${f.modelVersionId}/evidence.zip`);
    expect([model.status, model.headers['content-disposition']]).toEqual([
      200,
      `attachment; filename="evidence-model-version-${f.modelVersionId}.zip"`,
    ]);
    expect(verifyEvidencePack(model.body as Buffer, { publicKey: key }).ok).toBe(true);
    const period = await download(`/api/v1/audit-periods/evidence.zip?from=${from}&to=${to}&automationId=${f.automationId}`);
    expect(period.status).toBe(200);
    expect(verifyEvidencePack(period.body as Buffer, { publicKey: key }).ok).toBe(true);
    const unknown = await request(t.app.getHttpServer())
      .get('/api/v1/model-versions/00000000-0000-4000-8000-000000000000/evidence.zip')
      .set('authorization', `Bearer ${officer.key}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a period that is empty, reversed, longer than 366 days, or of a bad automation id, with VALIDATION_FAILED', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const variables of [
      { from: iso(now), to: iso(now) },
      { from: iso(now), to: iso(now - DAY_MS) },
      { from: iso(now - 367 * DAY_MS), to: iso(now) },
      { from: iso(now - DAY_MS), to: iso(now), automationId: 'nope' },
    ]) {
      expect([variables, errorCode(await t.gql(officer.key, AUDIT_PERIOD_EVIDENCE, variables))]).toEqual([variables, 'VALIDATION_FAILED']);
    }
    const rest = await request(t.app.getHttpServer())
      .get(`/api/v1/audit-periods/evidence.zip?from=${iso(now)}&to=${iso(now - DAY_MS)}`)
      .set('authorization', `Bearer ${officer.key}`);
    expect([rest.status, rest.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(errorCode(await t.gql(officer.key, AUDIT_PERIOD_EVIDENCE, { from: iso(now - 366 * DAY_MS), to: iso(now) }))).toBeUndefined();
    expect(errorCode(await t.gql(officer.key, MODEL_VERSION_EVIDENCE, { id: 'nope' }))).toBe('VALIDATION_FAILED');
  });
});

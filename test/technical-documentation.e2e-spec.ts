import { createHash } from 'node:crypto';
import request from 'supertest';
import type { Client } from 'pg';
import { automationFixture, type AutomationFixture } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { pdfText } from './support/pdf';
import { withClient } from './support/test-database';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { gqlWithSession, signInWithLink } from './support/browser-session';

const GENERATE = `mutation($i: TechnicalDocumentationInput!) { generateTechnicalDocumentation(input: $i) {
  file { fileName mediaType sha256 byteSize contentBase64 }
  record { id kind subjectType subjectId format sha256 byteSize generatedBy generatedAt }
  completeness { score sectionCount completeCount gaps { section missing } } } }`;
const MODEL_CARD = `mutation($i: ModelCardInput!) { generateModelCard(input: $i) {
  file { fileName sha256 contentBase64 } record { id kind subjectType } completeness { score gaps { section missing } } } }`;
const COMPLETENESS = `query($a: ID, $m: ID) { documentationCompleteness(automationVersionId: $a, modelVersionId: $m) {
  score sectionCount completeCount gaps { section missing } } }`;
const DOCUMENTS = `query($t: String!, $s: String!) { evidenceDocuments(subjectType: $t, subjectId: $s) {
  id kind format sha256 byteSize fileName ledgerIndex sealedAt } }`;

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('technical documentation (EU AI Act Annex IV) and model cards, stored and sealed', () => {
  let t: TestApp;
  let officer: { id: string; key: string };
  let bare: AutomationFixture;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await principalWithRole(t, 'compliance_officer');
    // No training data, no metrics, no pack, no monitor, never moved: a version with little to document.
    bare = await automationFixture(t);
  });
  afterAll(() => t?.close());

  it('names each gap of a version with missing facts, in the file and in the completeness', async () => {
    const generated = ok(
      await t.gql(officer.key, GENERATE, { i: { automationVersionId: bare.automationVersionId, format: 'MARKDOWN' } }),
    ).generateTechnicalDocumentation;
    const { completeness } = generated;
    const missing = Object.fromEntries(
      completeness.gaps.map((g: { section: string; missing: string }) => [g.section.split(' ')[0], g.missing]),
    );
    expect(Object.keys(missing).sort()).toEqual(['1.', '2.2', '2.3', '3.', '4.', '5.', '6.', '7.']);
    expect(missing['2.2']).toMatch(/^no training dataset is registered for model-[0-9a-f]+ 1\.0\.0$/);
    expect(missing['3.']).toMatch(/no evaluation metric is recorded for model-/);
    expect(missing['4.']).toBe('no policy pack is active (or readable), so no policy is known to govern this automation');
    expect(missing['5.']).toMatch(/^no human oversight measure is recorded for .* \(oversight mode none, and no policy requires review\)$/);
    expect(missing['7.']).toBe('no drift or quality monitor is configured (or readable)');
    expect(completeness).toMatchObject({ sectionCount: 9, completeCount: 1, score: 1 / 9 });
    const markdown = text(generated.file.contentBase64);
    expect(markdown).toContain('## 7\\. Post-market monitoring plan'.replace('\\.', '.'));
    expect(markdown).toContain('> **Gap:** no drift or quality monitor is configured (or readable)');
    expect(generated.file).toMatchObject({ mediaType: 'text/markdown; charset=utf-8', fileName: `annex-iv-${bare.automationKey}-1.md` });
    // The query gives the same completeness without storing anything.
    const before = ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId })).evidenceDocuments;
    const asked = ok(await t.gql(officer.key, COMPLETENESS, { a: bare.automationVersionId })).documentationCompleteness;
    expect(asked).toEqual(completeness);
    expect(ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId })).evidenceDocuments).toHaveLength(
      before.length,
    );
  });

  it('stores the PDF with its digest, audits it, seals the digest in the ledger and reports an edited row', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'] });
    const generated = ok(
      await t.gql(officer.key, GENERATE, { i: { automationVersionId: f.automationVersionId, format: 'PDF' } }),
    ).generateTechnicalDocumentation;
    const bytes = Buffer.from(generated.file.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(generated.file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(generated.record).toMatchObject({
      kind: 'ANNEX_IV',
      subjectType: 'AutomationVersion',
      subjectId: f.automationVersionId,
      format: 'PDF',
      sha256: generated.file.sha256,
      byteSize: bytes.length,
      generatedBy: officer.id,
    });
    const pdf = pdfText(bytes);
    expect(pdf).toContain(`Technical documentation: ${f.automationKey} 1`);
    expect(pdf).toContain('2.2 Training data and provenance');
    expect(pdf).toMatch(/Gap: no evaluation metric is recorded for model-/);

    const audit = ok(
      await t.gql(
        officer.key,
        `query($s: String!) { auditEvents(filter: { action: "evidence_document.generated", subjectId: $s }) { edges { node { actorId subjectType after } } } }`,
        {
          s: generated.record.id,
        },
      ),
    ).auditEvents.edges;
    expect(audit.map((e: { node: unknown }) => e.node)).toEqual([
      {
        actorId: officer.id,
        subjectType: 'EvidenceDocument',
        after: expect.objectContaining({
          subjectType: 'AutomationVersion',
          subjectId: f.automationVersionId,
          kind: 'annex_iv',
          sha256: generated.file.sha256,
        }),
      },
    ]);

    await sealAll(t);
    const [stored] = ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: f.automationVersionId })).evidenceDocuments;
    expect(stored).toMatchObject({ id: generated.record.id, sha256: generated.file.sha256, format: 'PDF' });
    expect(stored.ledgerIndex).toEqual(expect.any(Number));
    expect(stored.sealedAt).not.toBeNull();
    const [entry] = ok(
      await t.gql(
        officer.key,
        'query($f: String!) { ledgerEntries(first: 5, filter: { factId: $f }) { edges { node { index kind factId fact } } } }',
        {
          f: stored.id,
        },
      ),
    ).ledgerEntries.edges.map((e: { node: unknown }) => e.node);
    expect(entry).toMatchObject({
      index: stored.ledgerIndex,
      kind: 'evidence_document',
      factId: stored.id,
      fact: expect.objectContaining({ sha256: generated.file.sha256, documentKind: 'annex_iv' }),
    });
    const verify = async () =>
      ok(await t.gql(t.adminKey, '{ verifyLedger { ok firstDivergence { index kind factKind factId } } }')).verifyLedger;
    expect(await verify()).toMatchObject({ ok: true });

    // The stored row is append-only for the application; a superuser with triggers off edits the content.
    const refused = await withClient(t.databaseUrl, (c: Client) =>
      c.query(`UPDATE evidence_documents SET file_name = 'x.pdf' WHERE id = $1`, [stored.id]).catch((e: Error) => e.message),
    );
    expect(refused).toMatch(/append-only|not allowed|cannot/i);
    await withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET session_replication_role = replica');
      // A careful forger rewrites the digest and size with the content (the row's checks hold); the leaf still differs.
      await c.query(
        `UPDATE evidence_documents SET content = content || '\\x00'::bytea, sha256 = encode(sha256(content || '\\x00'::bytea), 'hex'),
           byte_size = byte_size + 1 WHERE id = $1`,
        [stored.id],
      );
    });
    expect((await verify()).firstDivergence).toMatchObject({
      index: stored.ledgerIndex,
      kind: 'FACT_CHANGED',
      factKind: 'evidence_document',
      factId: stored.id,
    });
  });

  it('serves the download with Content-Disposition and the digest it stored', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/evidence/technical-documentation')
      .query({ automationVersionId: bare.automationVersionId, format: 'HTML' })
      .set('authorization', `Bearer ${officer.key}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="annex-iv-${bare.automationKey}-1.html"`);
    expect(res.headers['x-attest-sha256']).toBe(createHash('sha256').update(res.text).digest('hex'));
    expect(res.text).toContain('<p class="gap"><strong>Gap:</strong> no drift or quality monitor is configured (or readable)</p>');
    const listed = ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId })).evidenceDocuments;
    expect(listed[0]).toMatchObject({ id: res.headers['x-attest-document-id'], format: 'HTML' });

    const refused = await request(t.app.getHttpServer())
      .get('/api/v1/evidence/technical-documentation')
      .query({ automationVersionId: bare.automationVersionId, format: 'DOCX' })
      .set('authorization', `Bearer ${officer.key}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code ?? refused.body.error?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses the download to a sign-in session: a link that stores a document must not work from another site', async () => {
    const link = ok(await t.gql(t.adminKey, 'mutation($p: ID!) { issueSignInLink(principalId: $p) { url } }', { p: officer.id }))
      .issueSignInLink.url;
    const { session } = await signInWithLink(t.app, link);
    const before = ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId })).evidenceDocuments;
    for (const path of [
      `/api/v1/evidence/technical-documentation?automationVersionId=${bare.automationVersionId}&format=PDF`,
      `/api/v1/evidence/model-card?modelVersionId=${bare.modelVersionId}&format=PDF`,
    ]) {
      const res = await request(t.app.getHttpServer())
        .get(path)
        .set('cookie', `attest_session=${encodeURIComponent(session!)}`);
      expect(res.status).toBe(403);
      expect(res.body.code ?? res.body.error?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).toMatch(/use the generateTechnicalDocumentation or generateModelCard mutation, or an API key/);
    }
    // Nothing was stored; the same session generates through the mutation (Apollo's CSRF prevention applies).
    expect(ok(await t.gql(officer.key, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId })).evidenceDocuments).toHaveLength(
      before.length,
    );
    const generated = await gqlWithSession(t.app, session!, GENERATE, {
      i: { automationVersionId: bare.automationVersionId, format: 'HTML' },
    });
    expect(generated.data?.generateTechnicalDocumentation.record).toMatchObject({ kind: 'ANNEX_IV', format: 'HTML' });
  });

  it('gives a model card and the Annex IV documentation of a model version', async () => {
    const card = ok(
      await t.gql(officer.key, MODEL_CARD, { i: { modelVersionId: bare.modelVersionId, format: 'MARKDOWN' } }),
    ).generateModelCard;
    expect(card.record).toMatchObject({ kind: 'MODEL_CARD', subjectType: 'ModelVersion' });
    expect(card.completeness.gaps.map((g: { section: string }) => g.section)).toEqual([
      '2. Intended use',
      '3. Limitations',
      '4. Metrics',
      '5. Training data',
      '6. Ethical considerations',
    ]);
    expect(text(card.file.contentBase64)).toContain('> **Gap:** no intended use is recorded');
    const annex = ok(
      await t.gql(officer.key, GENERATE, { i: { modelVersionId: bare.modelVersionId, format: 'MARKDOWN' } }),
    ).generateTechnicalDocumentation;
    expect(annex.record).toMatchObject({ kind: 'ANNEX_IV', subjectType: 'ModelVersion', subjectId: bare.modelVersionId });
    expect(text(annex.file.contentBase64)).toContain(`${bare.automationKey} 1`);
  });

  it('lets the auditor generate, a model owner only the card of their own model, and refuses the service', async () => {
    const auditor = await principalWithRole(t, 'auditor');
    ok(await t.gql(auditor.key, GENERATE, { i: { automationVersionId: bare.automationVersionId, format: 'MARKDOWN' } }));

    const owner = await principalWithRole(t, 'model_owner');
    const ownModel = ok(await t.gql(owner.key, 'mutation { registerModel(input: { name: "owned-model" }) { id } }')).registerModel.id;
    const ownModelVersion = ok(
      await t.gql(owner.key, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
        i: {
          modelId: ownModel,
          version: '1',
          artifactUri: 's3://m',
          artifactDigest: `sha256:${'b'.repeat(64)}`,
          framework: 'sklearn',
          riskTier: 'LOW',
        },
      }),
    ).registerModelVersion.id;
    ok(await t.gql(owner.key, MODEL_CARD, { i: { modelVersionId: ownModelVersion, format: 'MARKDOWN' } }));
    expect(errorCode(await t.gql(owner.key, MODEL_CARD, { i: { modelVersionId: bare.modelVersionId, format: 'MARKDOWN' } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(owner.key, GENERATE, { i: { modelVersionId: ownModelVersion, format: 'MARKDOWN' } }))).toBe('FORBIDDEN');

    const service = bare.service.key;
    expect(errorCode(await t.gql(service, GENERATE, { i: { automationVersionId: bare.automationVersionId, format: 'PDF' } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(service, DOCUMENTS, { t: 'AutomationVersion', s: bare.automationVersionId }))).toBe('FORBIDDEN');
    const download = await request(t.app.getHttpServer())
      .get('/api/v1/evidence/technical-documentation')
      .query({ automationVersionId: bare.automationVersionId, format: 'PDF' })
      .set('authorization', `Bearer ${service}`);
    expect(download.status).toBe(403);
  });

  it('refuses an input naming no version, both, or one that does not exist', async () => {
    expect(errorCode(await t.gql(officer.key, GENERATE, { i: { format: 'PDF' } }))).toBe('VALIDATION_FAILED');
    expect(
      errorCode(
        await t.gql(officer.key, GENERATE, {
          i: { automationVersionId: bare.automationVersionId, modelVersionId: bare.modelVersionId, format: 'PDF' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(officer.key, GENERATE, { i: { automationVersionId: 'not-a-uuid', format: 'PDF' } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      errorCode(await t.gql(officer.key, GENERATE, { i: { automationVersionId: '00000000-0000-4000-8000-000000000000', format: 'PDF' } })),
    ).toBe('NOT_FOUND');
  });
});

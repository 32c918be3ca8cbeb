import { randomBytes, randomUUID } from 'node:crypto';
import { JobQueue } from '@attest/jobs';
import { INGEST_CHUNK_JOB, MAX_CHUNK_ENQUEUES } from '../libs/decisions/src/bulk/ingest.job';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const RECORD_MANY = `mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) {
  counts { recorded pendingReview blocked replayed failed }
  results { index replayed error { code message field decisionId } decision { id status idempotencyKey input redactions { path detector } } } } }`;
const INGEST = `mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id status itemCount chunkCount processed } }`;
const INGEST_JOB = `query($id: ID!) { ingestJob(id: $id) {
  id status itemCount processed chunkCount chunksDone submittedBy completedAt
  counts { recorded pendingReview blocked replayed failed }
  errors(first: 1000) { index idempotencyKey code field message } } }`;

const keyOf = (prefix: string, i: number) => `${prefix}-${i}`;

describe('recordDecisions: a batch in one transaction, each item recorded, replayed or refused on its own', () => {
  let t: TestApp;
  let plain: AutomationFixture;
  let highRisk: AutomationFixture;
  let other: AutomationFixture;

  beforeAll(async () => {
    t = await startTestApp();
    plain = await automationFixture(t);
    highRisk = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    other = await automationFixture(t);
    // One service bound to both plain and highRisk (not other).
    ok(
      await t.gql(t.adminKey, 'mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', {
        i: { principalId: plain.service.id, role: 'SERVICE', automationId: highRisk.automationId },
      }),
    );
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(() => t?.close());

  it('reports every item in order: recorded, review, blocked, invalid, unknown, not bound, replayed, conflict', async () => {
    const earlier = decisionInput(plain, { idempotencyKey: 'bulk-earlier' });
    const earlierId = ok(await t.gql(plain.service.key, RECORD, { i: earlier })).recordDecision.decision.id;
    const twin = decisionInput(plain, { idempotencyKey: 'bulk-twin', input: { applicant: { email: 'jane.doe@example.com' } } });
    const items = [
      twin,
      decisionInput(highRisk, { idempotencyKey: 'bulk-review', confidence: 0.2 }),
      decisionInput(plain, { idempotencyKey: 'bulk-blocked', output: { mail: 'x.y@example.com' } }),
      decisionInput(plain, { idempotencyKey: 'bulk-invalid', confidence: 2 }),
      decisionInput(plain, { idempotencyKey: 'bulk-unknown', automationId: '00000000-0000-4000-8000-000000000000' }),
      decisionInput(other, { idempotencyKey: 'bulk-not-bound' }),
      earlier,
      { ...earlier, output: { route: 'manual' } },
      twin,
      { ...twin, confidence: 0.5 },
    ];
    const { results, counts } = ok(await t.gql(plain.service.key, RECORD_MANY, { i: { decisions: items } })).recordDecisions;

    expect(results.map((r: { index: number }) => r.index)).toEqual(items.map((_, i) => i));
    expect(results.map((r: any) => r.decision?.status ?? r.error.code)).toEqual([
      'RECORDED',
      'PENDING_REVIEW',
      'BLOCKED',
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'NOT_FOUND',
      'RECORDED',
      'CONFLICT',
      'RECORDED',
      'CONFLICT',
    ]);
    expect(results.map((r: any) => r.replayed)).toEqual([false, false, false, false, false, false, true, false, true, false]);
    expect(counts).toEqual({ recorded: 1, pendingReview: 1, blocked: 1, replayed: 2, failed: 5 });
    expect(results[3].error).toMatchObject({ field: 'confidence', message: expect.stringContaining('confidence'), decisionId: null });
    expect(results[6].decision.id).toBe(earlierId);
    expect(results[7].error).toMatchObject({ code: 'CONFLICT', decisionId: earlierId });
    // The twin in the batch is the first one's decision; redaction applies as for one decision.
    expect(results[8].decision.id).toBe(results[0].decision.id);
    expect(results[0].decision.input).toEqual({ applicant: { email: '[REDACTED:email]' } });
    expect(results[0].decision.redactions).toEqual([{ path: '$.input.applicant.email', detector: 'email' }]);

    await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT d.idempotency_key, count(DISTINCT d.id)::int AS decisions, count(a.id)::int AS audit_events
           FROM decisions d LEFT JOIN audit_events a ON a.subject_id = d.id::text
          WHERE d.idempotency_key LIKE 'bulk-%' GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(
        ['bulk-blocked', 'bulk-earlier', 'bulk-review', 'bulk-twin'].map((k) => ({ idempotency_key: k, decisions: 1, audit_events: 1 })),
      );
      const raw = await c.query(`SELECT count(*)::int AS n FROM decisions WHERE input::text LIKE '%jane.doe%'`);
      expect(raw.rows[0].n).toBe(0);
    });
  });

  it('refuses a batch over 1,000 items or empty, whole, and stores nothing', async () => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => decisionInput(plain, { idempotencyKey: keyOf('too-many', i) }));
    expect(errorCode(await t.gql(plain.service.key, RECORD_MANY, { i: { decisions: tooMany } }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(plain.service.key, RECORD_MANY, { i: { decisions: [] } }))).toBe('VALIDATION_FAILED');
    // A GraphQL type error (a required field missing) refuses the request before any item.
    // Its message says where and why, without echoing the (unredacted) input back.
    const missingKey = { ...decisionInput(plain, { input: { email: 'jane.doe@example.com' } }), idempotencyKey: undefined };
    const typeError = await t.gql(plain.service.key, RECORD_MANY, { i: { decisions: [decisionInput(plain), missingKey] } });
    expect(errorCode(typeError)).toBe('VALIDATION_FAILED');
    expect(typeError.errors![0].message).toBe(
      'Variable "$i" got an invalid value at "i.decisions[1]"; Field "idempotencyKey" of required type "String!" was not provided.',
    );
    await withClient(t.databaseUrl, async (c) => {
      expect((await c.query(`SELECT count(*)::int AS n FROM decisions WHERE idempotency_key LIKE 'too-many-%'`)).rows[0].n).toBe(0);
    });
  });

  it('records a full batch of 1,000 in one call', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => decisionInput(plain, { idempotencyKey: keyOf('full', i) }));
    const { counts } = ok(
      await t.gql(plain.service.key, 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }', {
        i: { decisions: batch },
      }),
    ).recordDecisions;
    expect(counts).toEqual({ recorded: 1000, failed: 0 });
  });

  it('is for principals that may record decisions only', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const batch = { decisions: [decisionInput(plain)] };
    expect(errorCode(await t.gql(officer.key, RECORD_MANY, { i: batch }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(officer.key, INGEST, { i: batch }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(undefined, RECORD_MANY, { i: batch }))).toBe('UNAUTHENTICATED');
  });
});

/** Both ways to run: BullMQ in Redis with a worker, and in-process as on the embedded default. */
const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['Redis and a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['in-process', ''],
];

describe.each(MODES)('ingestDecisions (%s): staged sealed, recorded in chunks by the workers, dead letters kept', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let f: AutomationFixture;
  const job = async (id: string, key = f.service.key) => ok(await t.gql(key, INGEST_JOB, { id })).ingestJob;
  const tenantOf = async (fixture: AutomationFixture) =>
    withClient(
      t.databaseUrl,
      async (c) => (await c.query('SELECT tenant_id FROM automations WHERE id = $1', [fixture.automationId])).rows[0].tenant_id as string,
    );
  const completed = (id: string) =>
    until(
      async () => {
        const j = await job(id);
        return j.status === 'COMPLETED' ? j : undefined;
      },
      `ingest ${id} to complete`,
      60_000,
    );

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: redisUrl, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('records every valid item once, keeps the invalid ones as dead letters, and drops the staged payload', async () => {
    const prefix = `ingest-${randomBytes(3).toString('hex')}`;
    const items = Array.from({ length: 1234 }, (_, i) =>
      decisionInput(f, {
        idempotencyKey: keyOf(prefix, i),
        confidence: i % 10 === 0 ? 0.2 : 0.95,
        input: { claimant: { email: `person${i}@example.com` }, n: i },
        ...(i % 100 === 7 ? { confidence: 1.5 } : {}),
        ...(i === 1000 ? { occurredAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
      }),
    );
    const submitted = ok(await t.gql(f.service.key, INGEST, { i: { decisions: items } })).ingestDecisions;
    expect(submitted).toMatchObject({ itemCount: 1234, chunkCount: 3 });
    expect(['QUEUED', 'RUNNING', 'COMPLETED']).toContain(submitted.status);

    const done = await completed(submitted.id);
    const invalid = items.map((_, i) => i).filter((i) => i % 100 === 7 || i === 1000);
    const review = items.map((_, i) => i).filter((i) => i % 10 === 0 && !invalid.includes(i));
    expect(done).toMatchObject({
      itemCount: 1234,
      processed: 1234,
      chunksDone: 3,
      submittedBy: f.service.id,
      completedAt: expect.any(String),
      counts: {
        recorded: 1234 - invalid.length - review.length,
        pendingReview: review.length,
        blocked: 0,
        replayed: 0,
        failed: invalid.length,
      },
    });
    expect(done.errors.map((e: { index: number }) => e.index)).toEqual(invalid);
    expect(done.errors[0]).toMatchObject({ index: 7, idempotencyKey: keyOf(prefix, 7), code: 'VALIDATION_FAILED', field: 'confidence' });
    expect(done.errors.find((e: { index: number }) => e.index === 1000)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'occurredAt' });
    const page = ok(
      await t.gql(f.service.key, `query($id: ID!) { ingestJob(id: $id) { errors(first: 2, afterIndex: 7) { index } } }`, {
        id: submitted.id,
      }),
    );
    expect(page.ingestJob.errors).toEqual([{ index: 107 }, { index: 207 }]);

    await withClient(t.databaseUrl, async (c) => {
      const decisions = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys, bool_or(input::text LIKE '%@example.com%') AS raw
           FROM decisions WHERE idempotency_key LIKE $1`,
        [`${prefix}-%`],
      );
      expect(decisions.rows[0]).toEqual({ n: 1234 - invalid.length, keys: 1234 - invalid.length, raw: false });
      const chunks = await c.query('SELECT status, payload FROM decision_ingest_chunks WHERE job_id = $1', [submitted.id]);
      expect(chunks.rows).toEqual([
        { status: 'done', payload: null },
        { status: 'done', payload: null },
        { status: 'done', payload: null },
      ]);
      const audit = await c.query(
        `SELECT actor_id, after FROM audit_events WHERE action = 'decision_ingest.submitted' AND subject_id = $1`,
        [submitted.id],
      );
      expect(audit.rows).toEqual([{ actor_id: f.service.id, after: { itemCount: 1234, chunkCount: 3 } }]);
    });

    // Submitted again, the same items are replays: nothing is recorded twice.
    const again = await completed(ok(await t.gql(f.service.key, INGEST, { i: { decisions: items.slice(0, 600) } })).ingestDecisions.id);
    expect(again.counts).toMatchObject({ recorded: 0, pendingReview: 0, replayed: 600 - invalid.filter((i) => i < 600).length });
  });

  it('gives up a chunk that failed on its last enqueue: its items become INTERNAL dead letters, and the job completes', async () => {
    // A chunk that can never be opened (as after a change of ATTEST_HASH_KEY), already re-enqueued by the sweep to the limit.
    const jobId = randomUUID();
    const tenantId = await tenantOf(f);
    await withClient(t.databaseUrl, async (c) => {
      await c.query('INSERT INTO decision_ingest_jobs (id, tenant_id, submitted_by, item_count, chunk_count) VALUES ($1, $2, $3, 3, 1)', [
        jobId,
        tenantId,
        f.service.id,
      ]);
      await c.query(
        `INSERT INTO decision_ingest_chunks (tenant_id, job_id, chunk, first_index, item_count, payload, enqueues) VALUES ($1, $2, 0, 0, 3, $3, $4)`,
        [tenantId, jobId, randomBytes(64), MAX_CHUNK_ENQUEUES],
      );
    });
    // Its last try: one attempt left.
    await t.app
      .get(JobQueue)
      .enqueue(INGEST_CHUNK_JOB, { tenantId, jobId, chunk: 0 }, { jobId: `ingest.${jobId}.0.${MAX_CHUNK_ENQUEUES}`, attempts: 1 });
    const done = await completed(jobId);
    expect(done).toMatchObject({ processed: 3, counts: { failed: 3, recorded: 0 } });
    expect(done.errors.map((e: { index: number; code: string }) => [e.index, e.code])).toEqual([
      [0, 'INTERNAL'],
      [1, 'INTERNAL'],
      [2, 'INTERNAL'],
    ]);
    expect(done.errors[0].message).toContain('submit it again');
  });

  it('writes salted ledger facts from the workers, which verify', async () => {
    const key = `keyed-${randomBytes(4).toString('hex')}`;
    const submitted = ok(
      await t.gql(f.service.key, INGEST, { i: { decisions: [decisionInput(f, { idempotencyKey: key, correlationId: `corr-${key}` })] } }),
    ).ingestDecisions;
    await completed(submitted.id);
    await sealAll(t);
    const id = (await withClient(t.databaseUrl, (c) => c.query('SELECT id FROM decisions WHERE idempotency_key = $1', [key]))).rows[0]
      .id as string;
    const leaf = ok(await t.gql(t.adminKey, 'query($id: String!) { ledgerInclusionProof(factId: $id) { leaf } }', { id }))
      .ledgerInclusionProof.leaf as string;
    expect(JSON.parse(leaf).fact).toMatchObject({
      format: 3,
      idempotencyKey: expect.stringMatching(/^sha256-salted:/),
      correlationId: expect.stringMatching(/^sha256-salted:/),
    });
    expect(leaf).not.toContain(key);
    expect(ok(await t.gql(t.adminKey, '{ verifyLedger { ok } }')).verifyLedger.ok).toBe(true);
  });

  it("never shows the staged items in clear, and a job only to its submitter and the tenant's readers", async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`;
    const submitted = ok(
      await t.gql(f.service.key, INGEST, { i: { decisions: [decisionInput(f, { input: { note: marker } })] } }),
    ).ingestDecisions;
    const staged = await withClient(t.databaseUrl, (c) =>
      c.query('SELECT payload FROM decision_ingest_chunks WHERE job_id = $1', [submitted.id]),
    );
    const payload: Buffer | null = staged.rows[0].payload;
    if (payload) expect(payload.includes(Buffer.from(marker))).toBe(false);
    await completed(submitted.id);

    const stranger = await principalWithRole(t, 'service', { automationId: f.automationId });
    expect(errorCode(await t.gql(stranger.key, INGEST_JOB, { id: submitted.id }))).toBe('NOT_FOUND');
    const officer = await principalWithRole(t, 'compliance_officer');
    expect((await job(submitted.id, officer.key)).counts.recorded).toBe(1);
    const owner = await principalWithRole(t, 'automation_owner');
    expect(errorCode(await t.gql(owner.key, INGEST_JOB, { id: submitted.id }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(f.service.key, INGEST_JOB, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    // Another tenant's admin sees neither the job nor its decisions.
    const other = await createTenant(t, `other-ingest-${randomBytes(3).toString('hex')}`);
    expect(errorCode(await t.gql(other.adminKey, INGEST_JOB, { id: submitted.id }))).toBe('NOT_FOUND');
    expect(ok(await t.gql(other.adminKey, '{ decisions { edges { node { id } } } }')).decisions.edges).toEqual([]);
    // Nor can it record for this tenant's automation, one item or a batch.
    const batch = ok(await t.gql(other.adminKey, RECORD_MANY, { i: { decisions: [decisionInput(f)] } })).recordDecisions;
    expect(batch.results[0].error.code).toBe('NOT_FOUND');
  });
});

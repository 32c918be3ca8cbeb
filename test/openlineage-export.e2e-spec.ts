import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { OpenLineageExportSweeper } from '@attest/lineage';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { runEvent } from '@attest/lineage/testing';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const ATTEMPTS = 3;
const MOVE_MODEL =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';

interface Received {
  auth?: string;
  body: {
    eventType: string;
    run: { runId: string; facets: { attest_governance: Record<string, any> } };
    job: { namespace: string; name: string };
    inputs: any[];
    outputs: any[];
  };
}

/**
 * OpenLineage out, against a real local receiver (as Marquez would be), through the export jobs of
 * the job queue (BullMQ in Redis, with a worker in this process, as apps/worker builds it; the
 * in-process runner without Redis): each decision, review, model-version registration and lifecycle
 * transition sent once, in ledger order, with the attest_governance facet; a refusal retried by
 * the queue without skipping, and a tenant paused once the attempts ran out.
 */
/** Both ways Attest runs jobs, the same code path: with Redis when the suite has it, and in process. */
const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['BullMQ in Redis, a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['the in-process runner', ''],
];

describe.each(MODES)('sealed governance facts are exported as OpenLineage run events (%s)', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let receiver: Server;
  const received: Received[] = [];
  let refusals = 0;
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url !== '/api/v1/lineage' || req.method !== 'POST') return void res.writeHead(404).end();
        if (failNext > 0) {
          failNext -= 1;
          refusals += 1;
          return void res.writeHead(503).end();
        }
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as { port: number };
    t = await startTestApp({
      REDIS_URL: redisUrl,
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_OPENLINEAGE_URL: `http://127.0.0.1:${port}`,
      ATTEST_OPENLINEAGE_API_KEY: 'marquez-key',
      ATTEST_OPENLINEAGE_BACKOFF_MS: '50',
      ATTEST_OPENLINEAGE_ATTEMPTS: String(ATTEMPTS),
    });
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "export test") { digest } }'));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    receiver?.close();
  });

  const cursors = () =>
    withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `SELECT c.position, c.failures, c.last_error, c.retry_at, c.generation,
            (SELECT coalesce(max(tree_size), 0) FROM ledger_checkpoints k WHERE k.tenant_id = c.tenant_id) AS size
       FROM lineage_export_cursors c`,
          )
        ).rows,
    );
  /** Seals what is pending, starts the export jobs and waits until every tenant's cursor is at its tree's last leaf. */
  async function exportAll(): Promise<void> {
    await sealAll(t);
    await until(async () => {
      await t.app.get(OpenLineageExportSweeper).sweep();
      const rows = await cursors();
      return rows.length > 0 && rows.every((r) => Number(r.position) === Number(r.size) - 1);
    }, 'the export to catch up with the ledger');
  }
  const governance = (r: Received) => r.body.run.facets.attest_governance;
  const ofRuns = (runIds: string[]) => received.filter((r) => runIds.includes(r.body.run.runId));

  it('sends model versions, their transitions, decisions and reviews once each, in ledger order, with their governance', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'], oversightMode: 'REQUIRED' });
    ok(await t.gql(t.adminKey, MOVE_MODEL, { id: f.modelVersionId, to: 'IN_REVIEW', r: 'ready for review' }));
    const ids: string[] = [];
    const external = { namespace: 'postgres://crm.internal:5432', name: 'public.customers' };
    for (let i = 0; i < 3; i++) {
      ids.push(
        ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, i === 1 ? { sourceDatasets: [external] } : {}) })).recordDecision
          .decision.id,
      );
    }
    const officer = await principalWithRole(t, 'compliance_officer');
    ok(
      await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "checked") { id } }', {
        id: ids[0],
      }),
    );
    await exportAll();

    const story = ofRuns([f.modelVersionId, ...ids]);
    expect(story.map((r) => `${r.body.eventType} ${r.body.run.runId}`)).toEqual([
      `COMPLETE ${f.modelVersionId}`,
      `OTHER ${f.modelVersionId}`,
      ...ids.map((id) => `COMPLETE ${id}`),
      `OTHER ${ids[0]}`,
    ]);
    expect(received.every((r) => r.auth === 'Bearer marquez-key')).toBe(true);
    const indexes = story.map((r) => governance(r).reviewLedgerIndex ?? governance(r).ledgerIndex);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes); // ledger order

    const [registered, submitted, first, second] = story;
    expect(registered.body).toMatchObject({
      job: { name: expect.stringMatching(/^model-[0-9a-f]+\.training$/) },
      inputs: [{ namespace: 's3://data', name: 'train' }],
      outputs: [{ namespace: 's3://models', name: 'm' }],
    });
    expect(governance(registered)).toMatchObject({
      subject: 'model_version',
      modelVersionId: f.modelVersionId,
      riskTier: 'low',
      lifecycleStatus: 'draft',
      lifecycleChange: null,
    });
    expect(governance(submitted)).toMatchObject({
      lifecycleStatus: 'in_review',
      lifecycleChange: { from: 'draft', to: 'in_review', actorRoles: ['admin'], approvals: 0 },
    });

    const index = ok(await t.gql(t.adminKey, 'query($id: ID!) { decision(id: $id) { ledgerIndex } }', { id: ids[0] })).decision.ledgerIndex;
    expect(first.body.job.name).toBe(f.automationKey);
    expect(first.body.inputs[0]).toEqual({ namespace: 's3://models', name: 'm' });
    expect(governance(first)).toMatchObject({
      subject: 'decision',
      status: 'pending_review',
      policyEffect: 'require_review',
      reviewVerdict: null,
      ledgerIndex: index,
    });
    expect(second.body.inputs).toContainEqual(external);
    const review = story[story.length - 1];
    expect(governance(review)).toMatchObject({
      reviewVerdict: 'approve',
      reviewerRoles: ['compliance_officer'],
      ledgerIndex: index,
      reviewLedgerIndex: expect.any(Number),
    });
    expect(governance(review).reviewLedgerIndex).toBeGreaterThan(index);
    expect(JSON.stringify(received)).not.toContain('motor'); // a decision's input never leaves

    // Sent once: nothing is due any more, and nothing more arrives.
    const count = received.length;
    expect(await t.app.get(OpenLineageExportSweeper).sweep()).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(count);
  });

  it('retries a refusal through the job queue without skipping, and pauses the tenant once the attempts ran out', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'] });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id);
    refusals = 0;
    failNext = 1;
    await exportAll();
    expect(refusals).toBe(1);
    expect(ofRuns(ids).map((r) => r.body.run.runId)).toEqual(ids); // the refused one first, then the next: once each, in order
    expect((await cursors()).every((r) => r.failures === 0 && r.last_error === null && r.retry_at === null)).toBe(true);

    const [before] = await cursors();
    refusals = 0;
    failNext = 1_000;
    const late = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    await sealAll(t);
    await t.app.get(OpenLineageExportSweeper).sweep();
    const paused = await until(async () => {
      const [c] = await cursors();
      return c.retry_at ? c : undefined;
    }, 'the export to give up after its attempts');
    expect(paused).toMatchObject({ failures: ATTEMPTS, last_error: 'HTTP 503', generation: before.generation + 1 });
    expect(refusals).toBe(ATTEMPTS);
    expect(ofRuns([late])).toEqual([]);

    failNext = 0;
    await exportAll(); // after the pause (50 ms doubled per failure: 400 ms), a new job of the next generation
    expect(ofRuns([late])).toHaveLength(1);
    expect((await cursors())[0]).toMatchObject({ failures: 0, last_error: null, retry_at: null });
  });

  it("adds Attest's governance to the training run a data platform reported, under that run's id and job", async () => {
    const producer = await principalWithRole(t, 'lineage_producer');
    const modelId = ok(
      await t.gql(t.adminKey, 'mutation($n: String!) { registerModel(input: { name: $n }) { id } }', {
        n: `model-${randomBytes(4).toString('hex')}`,
      }),
    ).registerModel.id;
    const artifact = `claims/severity-${randomBytes(4).toString('hex')}`;
    const modelVersionId = ok(
      await t.gql(t.adminKey, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
        i: {
          modelId,
          version: '2.0.0',
          artifactUri: `s3://models/${artifact}`,
          artifactDigest: `sha256:${'b'.repeat(64)}`,
          framework: 'xgboost',
          riskTier: 'MEDIUM',
        },
      }),
    ).registerModelVersion.id;
    const run = {
      runId: randomUUID(),
      input: { namespace: 's3://data', name: 'train' },
      output: { namespace: 's3://models', name: artifact },
    };
    const sent = await request(t.app.getHttpServer())
      .post('/api/v1/lineage')
      .set('authorization', `Bearer ${producer.key}`)
      .send(runEvent('COMPLETE', run));
    expect(sent.status).toBe(201);
    await exportAll();

    const events = received.filter((r) => governance(r).modelVersionId === modelVersionId);
    expect(events).toHaveLength(1);
    expect(events[0].body).toMatchObject({
      eventType: 'OTHER',
      run: { runId: run.runId },
      job: { namespace: 'airflow-prod', name: 'claims_severity.train_model' },
    });
    expect(governance(events[0])).toMatchObject({ subject: 'model_version', riskTier: 'medium', lifecycleStatus: 'draft' });
    expect(received.some((r) => r.body.run.runId === run.runId && governance(r) === undefined)).toBe(false); // the platform's own events are not echoed back
  });
});

import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { LedgerVerificationSweeper } from '@attest/ledger';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { sealAll, withFactKey } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const SLICE = 50;
const EVENTS = 300;
const JOB =
  'id status fromIndex toIndex leavesChecked checkpointsChecked progress error requestedBy startedAt finishedAt result { ok fromIndex toIndex leavesChecked checkpointsChecked firstDivergence { index kind factKind factId } }';
const START = `mutation($from: SafeInt, $to: SafeInt, $held: [String!]) { startLedgerVerification(fromIndex: $from, toIndex: $to, checkpoints: $held) { ${JOB} } }`;
const GET = `query($id: ID!) { ledgerVerification(id: $id) { ${JOB} } }`;
const LIST =
  'query($first: Int, $after: String) { ledgerVerifications(first: $first, after: $after) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }';
const LOCK = `hashtextextended('attest.ledger-verify/' || $1, 0)`;

const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['BullMQ in Redis, a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['the in-process runner', ''],
];

/**
 * startLedgerVerification runs a long range as a background job, ATTEST_LEDGER_VERIFY_SLICE leaves
 * per transaction. The tests step the job slice by slice by holding the tenant's verification lock
 * (which every slice takes, waiting) in a session of their own and letting one slice through at a
 * time: PostgreSQL grants a released lock to the session already waiting for it.
 */
describe.each(MODES)('startLedgerVerification verifies a long range as a background job (%s)', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await startTestApp({
      REDIS_URL: redisUrl,
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_LEDGER_VERIFY_SLICE: String(SLICE),
    });
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  let seq = 0;
  /** A tenant whose sealed log holds a few hundred audit-event leaves, written as the application would (each through the trigger). */
  async function sealedLog(): Promise<{ tenantId: string; adminKey: string; size: number }> {
    const tenant = await createTenant(t, `verify-job-${randomBytes(3).toString('hex')}-${seq++}`);
    await withFactKey(t, tenant.tenantId, (c) =>
      c.query(
        `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after)
       SELECT $1, 'test.event', 'thing', 'thing-' || i, jsonb_build_object('i', i) FROM generate_series(1, ${EVENTS}) i`,
        [tenant.tenantId],
      ),
    );
    await sealAll(t);
    const size = ok(await t.gql(tenant.adminKey, '{ ledgerCheckpoint { treeSize } }')).ledgerCheckpoint.treeSize;
    expect(size).toBeGreaterThan(EVENTS);
    return { ...tenant, size };
  }

  const job = async (key: string, id: string) => ok(await t.gql(key, GET, { id })).ledgerVerification;
  const finished = (key: string, id: string) =>
    until(
      async () => {
        const j = await job(key, id);
        return j.status === 'SUCCEEDED' || j.status === 'FAILED' ? j : undefined;
      },
      `verification ${id} to finish`,
      60_000,
    );

  /** A session holding the tenant's verification lock: a job's next slice waits for it. */
  async function lockHolder(tenantId: string) {
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(${LOCK})`, [tenantId]);
    const waiting = () =>
      until(
        async () => {
          const { rows } = await holder.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          return rows[0].n > 0;
        },
        'a slice waiting for the lock',
        30_000,
      );
    return {
      waiting,
      /** Lets the waiting slice take the lock, and takes it back once that slice has committed. */
      async oneSlice() {
        await waiting();
        await holder.query(`SELECT pg_advisory_unlock(${LOCK})`, [tenantId]);
        await holder.query(`SELECT pg_advisory_lock(${LOCK})`, [tenantId]);
      },
      end: () => holder.end(),
    };
  }

  it('checks the range a slice at a time, with progress after each, and stores the same answer verifyLedger gives', async () => {
    const log = await sealedLog();
    const lock = await lockHolder(log.tenantId);
    let id: string;
    const seen: number[] = [];
    try {
      const started = ok(await t.gql(log.adminKey, START)).startLedgerVerification;
      id = started.id;
      expect(started).toMatchObject({ status: 'QUEUED', fromIndex: 0, toIndex: log.size - 1, leavesChecked: 0, progress: 0, result: null });
      await lock.waiting();
      // One at a time per tenant: a second start while this one runs is refused.
      const second = await t.gql(log.adminKey, START, { from: 1 });
      expect(errorCode(second)).toBe('CONFLICT');
      expect(second.errors?.[0].message).toMatch(/queued or running/);
      for (let step = 0; step < 3; step++) {
        const running = await job(log.adminKey, id);
        expect(running.status).toBe('RUNNING');
        seen.push(running.leavesChecked);
        await lock.oneSlice();
      }
    } finally {
      await lock.end();
    }
    expect(seen).toEqual([0, SLICE, 2 * SLICE]);
    const done = await finished(log.adminKey, id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', leavesChecked: log.size, progress: 1, error: null });
    const verified = ok(
      await t.gql(
        log.adminKey,
        'query($to: SafeInt) { verifyLedger(toIndex: $to) { ok fromIndex toIndex leavesChecked checkpointsChecked firstDivergence { index } } }',
        { to: log.size - 1 },
      ),
    ).verifyLedger;
    expect(done.result).toEqual({ ...verified, firstDivergence: null });
    expect(done.checkpointsChecked).toBe(verified.checkpointsChecked);

    const audit = ok(
      await t.gql(log.adminKey, 'query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action } } } }', { id }),
    ).auditEvents.edges;
    expect(audit.map((e: { node: { action: string } }) => e.node.action).sort()).toEqual([
      'ledger_verification.requested',
      'ledger_verification.succeeded',
    ]);
  });

  it('fails with the first divergence when a fact in the range was edited', async () => {
    const log = await sealedLog();
    const index = 3 * SLICE + 7;
    await withClient(t.databaseUrl, async (c) => {
      await c.query('SET session_replication_role = replica');
      const { rowCount } = await c.query(
        `UPDATE audit_events SET action = 'test.rewritten' WHERE id::text = (SELECT fact_id FROM ledger_leaves WHERE tenant_id = $1 AND position = $2 AND kind = 'audit_event')`,
        [log.tenantId, index],
      );
      expect(rowCount).toBe(1);
    });
    const id = ok(await t.gql(log.adminKey, START)).startLedgerVerification.id;
    const done = await finished(log.adminKey, id);
    expect(done).toMatchObject({
      status: 'FAILED',
      error: null,
      leavesChecked: index,
      result: { ok: false, leavesChecked: index, firstDivergence: { index, kind: 'FACT_CHANGED', factKind: 'audit_event' } },
    });
  });

  it('resumes a verification whose job was lost at the last slice it stored, under a new job id', async () => {
    const log = await sealedLog();
    const lock = await lockHolder(log.tenantId);
    let id: string;
    let stored: Record<string, unknown>;
    try {
      id = ok(await t.gql(log.adminKey, START)).startLedgerVerification.id;
      await lock.oneSlice();
      await lock.oneSlice();
      stored = (
        await lock
          .waiting()
          .then(() =>
            withClient(t.databaseUrl, (c) =>
              c.query('SELECT leaves_checked, checkpoints_checked, resume FROM ledger_verifications WHERE id = $1', [id]),
            ),
          )
      ).rows[0];
      expect(Number(stored.leaves_checked)).toBe(2 * SLICE);
    } finally {
      await lock.end();
    }
    await finished(log.adminKey, id);
    // As if the job had died after its second slice: the row as that slice left it, and a fact before it edited since.
    // A job that resumes does not read that leaf again (a restart would fail on it): so the answer shows where it went on from.
    await withClient(t.databaseUrl, async (c) => {
      await c.query(
        `UPDATE ledger_verifications SET status = 'running', result = NULL, finished_at = NULL, leaves_checked = $2, checkpoints_checked = $3, resume = $4 WHERE id = $1`,
        [id, stored.leaves_checked, stored.checkpoints_checked, JSON.stringify(stored.resume)],
      );
      await c.query('SET session_replication_role = replica');
      await c.query(
        `UPDATE audit_events SET action = 'test.rewritten' WHERE id::text = (SELECT fact_id FROM ledger_leaves WHERE tenant_id = $1 AND position = $2 AND kind = 'audit_event')`,
        [log.tenantId, SLICE],
      );
    });
    const sweeper = (worker ?? t.app).get(LedgerVerificationSweeper);
    expect(await sweeper.sweep(0)).toBeGreaterThanOrEqual(1);
    const resumed = await until(
      async () => {
        const j = await job(log.adminKey, id);
        return j.status === 'SUCCEEDED' || j.status === 'FAILED' ? j : undefined;
      },
      'the resumed verification',
      60_000,
    );
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', leavesChecked: log.size, result: { ok: true, leavesChecked: log.size } });
    const enqueues = await withClient(t.databaseUrl, (c) => c.query('SELECT enqueues FROM ledger_verifications WHERE id = $1', [id]));
    expect(enqueues.rows[0].enqueues).toBe(2);
    // Started afresh, the same range fails at the edited fact.
    const again = await finished(log.adminKey, ok(await t.gql(log.adminKey, START)).startLedgerVerification.id);
    expect(again.result.firstDivergence).toMatchObject({ index: SLICE, kind: 'FACT_CHANGED' });
  });

  it('lists verifications newest first, a page at a time, in their own tenant only', async () => {
    const log = await sealedLog();
    const ids: string[] = [];
    for (const from of [0, 10]) {
      ids.push(ok(await t.gql(log.adminKey, START, { from })).startLedgerVerification.id);
      await finished(log.adminKey, ids.at(-1)!);
    }
    const first = ok(await t.gql(log.adminKey, LIST, { first: 1 })).ledgerVerifications;
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await t.gql(log.adminKey, LIST, { first: 1, after: first.pageInfo.endCursor })).ledgerVerifications;
    expect(next.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(ok(await t.gql(t.adminKey, LIST, {})).ledgerVerifications.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      ids[0],
    );
    expect(errorCode(await t.gql(t.adminKey, GET, { id: ids[0] }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(log.adminKey, LIST, { after: 'not-a-cursor' }))).toBe('VALIDATION_FAILED');
  });

  it('is started and read by the roles that may verify the ledger, and no other', async () => {
    const log = await sealedLog();
    const auditor = await principalWithRole(t, 'auditor', { adminKey: log.adminKey });
    const owner = await principalWithRole(t, 'model_owner', { adminKey: log.adminKey });
    const id = ok(await t.gql(auditor.key, START)).startLedgerVerification.id;
    expect(errorCode(await t.gql(owner.key, START))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(owner.key, GET, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(owner.key, LIST, {}))).toBe('FORBIDDEN');
    expect((await finished(auditor.key, id)).requestedBy).toBe(auditor.id);
  });

  it('refuses a bad range or checkpoint with VALIDATION_FAILED and stores nothing', async () => {
    const log = await sealedLog();
    for (const args of [{ from: 10, to: 5 }, { to: log.size }, { from: -1 }, { held: ['not a note'] }]) {
      expect(errorCode(await t.gql(log.adminKey, START, args))).toBe('VALIDATION_FAILED');
    }
    const stored = await withClient(t.databaseUrl, (c) =>
      c.query('SELECT count(*)::int AS n FROM ledger_verifications WHERE tenant_id = $1', [log.tenantId]),
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('leaves verifyLedger to short ranges, and names startLedgerVerification for longer ones', async () => {
    const log = await sealedLog();
    const refused = await t.gql(log.adminKey, '{ verifyLedger(fromIndex: 0, toIndex: 50000) { ok } }');
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0].message).toMatch(/at most 50,000 leaves: verify a longer range with startLedgerVerification/);
    expect(ok(await t.gql(log.adminKey, '{ verifyLedger(fromIndex: 0, toIndex: 99) { ok leavesChecked } }')).verifyLedger).toEqual({
      ok: true,
      leavesChecked: 100,
    });
  });
});

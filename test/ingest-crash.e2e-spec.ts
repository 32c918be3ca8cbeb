import { randomBytes } from 'node:crypto';
import { httpCaller, type AttestProcess } from './support/attest-process';
import { processHarness } from './support/process-harness';
import { automationFixture, decisionInput } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { ok, type GraphQLCaller } from './support/test-app';
import { until } from './support/until';

const ITEMS = 6_000; // 12 chunks of 500
const CHUNKS = 12;
const INVALID = new Set(Array.from({ length: ITEMS }, (_, i) => i).filter((i) => i % 250 === 3));

interface Progress {
  done: number;
  decisions: number;
  recordedByDoneChunks: number;
}

/**
 * At-least-once delivery, exactly-once effect: the process recording an ingest is killed with
 * SIGKILL while it works through the chunks, started again, and every decision is found exactly
 * once (no chunk half-written, none written twice), with its audit event and the dead letters.
 * Redis: the worker process dies, and BullMQ hands its stalled job to the next worker. In-process
 * (the embedded default's way): the API itself dies, and on start it takes up the pending chunks.
 */
describe('a crash mid-ingest loses nothing and records nothing twice', () => {
  const harness = processHarness();
  const { adminKey, start } = harness;
  const baseEnv = () => ({
    ...harness.baseEnv(),
    // One chunk at a time, so that the kill lands between some chunks done and the rest.
    ATTEST_WORKER_CONCURRENCY: '1',
  });

  async function submit(api: GraphQLCaller, prefix: string): Promise<{ jobId: string; serviceKey: string }> {
    const f = await automationFixture(api);
    ok(await api.gql(api.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
    const items = Array.from({ length: ITEMS }, (_, i) =>
      decisionInput(f, {
        idempotencyKey: `${prefix}-${i}`,
        input: { n: i, email: `p${i}@example.com` },
        ...(INVALID.has(i) ? { confidence: -1 } : {}),
      }),
    );
    const submitted = ok(
      await api.gql(f.service.key, 'mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id chunkCount } }', {
        i: { decisions: items },
      }),
    ).ingestDecisions;
    expect(submitted.chunkCount).toBe(CHUNKS);
    return { jobId: submitted.id, serviceKey: f.service.key };
  }

  const progress = (jobId: string, prefix: string) =>
    withClient(harness.databaseUrl, async (c): Promise<Progress> => {
      const { rows } = await c.query(
        `SELECT (SELECT count(*) FROM decision_ingest_chunks WHERE job_id = $1 AND status = 'done')::int AS done,
                (SELECT count(*) FROM decisions WHERE idempotency_key LIKE $2)::int AS decisions,
                (SELECT coalesce(sum(recorded + pending_review + blocked), 0) FROM decision_ingest_chunks WHERE job_id = $1 AND status = 'done')::int
                  AS "recordedByDoneChunks"`,
        [jobId, `${prefix}-%`],
      );
      return rows[0];
    });

  /** Waits for a few chunks to be done and the next one under way, then kills the process. */
  async function crashMidway(victim: AttestProcess, jobId: string, prefix: string): Promise<Progress> {
    await until(
      async () => ((await progress(jobId, prefix)).done >= 2 && (await harness.transactionInFlight()) ? true : undefined),
      'two chunks done, a third under way',
      60_000,
    );
    await victim.stop('SIGKILL');
    const atCrash = await progress(jobId, prefix);
    expect(atCrash.done).toBeLessThan(CHUNKS);
    // Only whole chunks are in the database: the one being recorded rolled back with the process.
    expect(atCrash.decisions).toBe(atCrash.recordedByDoneChunks);
    return atCrash;
  }

  async function expectExactlyOnce(api: GraphQLCaller, serviceKey: string, jobId: string, prefix: string): Promise<void> {
    const job = await until(
      async () => {
        const j = ok(
          await api.gql(
            serviceKey,
            `query($id: ID!) { ingestJob(id: $id) { status processed chunksDone
        counts { recorded pendingReview blocked replayed failed } errors(first: 1000) { index code field } } }`,
            { id: jobId },
          ),
        ).ingestJob;
        return j.status === 'COMPLETED' ? j : undefined;
      },
      'the ingest to complete after the restart',
      90_000,
    );
    expect(job).toMatchObject({
      processed: ITEMS,
      chunksDone: CHUNKS,
      counts: { recorded: ITEMS - INVALID.size, pendingReview: 0, blocked: 0, replayed: 0, failed: INVALID.size },
    });
    expect(job.errors.map((e: { index: number }) => e.index)).toEqual([...INVALID]);
    await withClient(harness.databaseUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS decisions, count(DISTINCT idempotency_key)::int AS keys,
                (SELECT count(*) FROM audit_events a JOIN decisions d2 ON a.subject_id = d2.id::text WHERE d2.idempotency_key LIKE $1)::int AS audit_events,
                (SELECT count(*) FROM explanation_steps s JOIN decisions d3 ON s.decision_id = d3.id WHERE d3.idempotency_key LIKE $1)::int AS steps
           FROM decisions WHERE idempotency_key LIKE $1`,
        [`${prefix}-%`],
      );
      expect(rows[0]).toEqual({
        decisions: ITEMS - INVALID.size,
        keys: ITEMS - INVALID.size,
        audit_events: ITEMS - INVALID.size,
        steps: 0,
      });
      const staged = await c.query(`SELECT count(*)::int AS n FROM decision_ingest_chunks WHERE job_id = $1 AND payload IS NOT NULL`, [
        jobId,
      ]);
      expect(staged.rows[0].n).toBe(0);
    });
  }

  if (process.env.REDIS_URL) {
    it('with Redis: the worker is killed mid-batch; the next worker finishes the job', async () => {
      const env = {
        ...baseEnv(),
        REDIS_URL: process.env.REDIS_URL!,
        ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
        ATTEST_JOB_LOCK_MS: '2000',
      };
      const api = await start('api', env);
      const caller = httpCaller(api.port!, adminKey);
      const prefix = `crash-redis-${randomBytes(3).toString('hex')}`;
      const worker = await start('worker', env);
      const { jobId, serviceKey } = await submit(caller, prefix);
      await crashMidway(worker, jobId, prefix);
      await start('worker', env);
      await expectExactlyOnce(caller, serviceKey, jobId, prefix);
    });
  }

  it('in-process: the API running the jobs is killed mid-batch; on restart it takes up the pending chunks', async () => {
    const env = baseEnv();
    const first = await start('api', env);
    const prefix = `crash-local-${randomBytes(3).toString('hex')}`;
    const { jobId, serviceKey } = await submit(httpCaller(first.port!, adminKey), prefix);
    await crashMidway(first, jobId, prefix);
    const second = await start('api', env);
    await expectExactlyOnce(httpCaller(second.port!, adminKey), serviceKey, jobId, prefix);
  });
});

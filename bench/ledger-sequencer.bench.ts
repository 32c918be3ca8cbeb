/**
 * Ledger sequencer benchmark (issue 4): can the sequencer keep up with the bulk ingest?
 * - lag under load: a bulk ingest (ingestDecisions; the jobs, and so the sequencer, in-process as on
 *   the embedded default and, with REDIS_URL, in one worker process) and, over the leaves it wrote,
 *   sealed_at − created_at p50/p99/max (from the database), the leaves sealed by the ingest's end,
 *   beside the ingest's rate in the same run (decisions/s and leaves/s);
 * - throughput: a backlog of N leaves for a fresh tenant (copies of the leaves the ingest wrote,
 *   inserted in one statement as the owner), sealed by the API's own sequencer loop → leaves/s,
 *   beside the ingest's leaf rate.
 *   npm run build:bench && node dist/bench/ledger-sequencer.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_LEDGER_INGEST_ITEMS (default 20000) decisions ingested; BENCH_LEDGER_BACKLOG (default 100000) leaves sealed
 *   ATTEST_LEDGER_BATCH, ATTEST_LEDGER_SEQUENCE_EVERY_MS, ATTEST_WORKER_CONCURRENCY: passed on (defaults 5000, 250, 8)
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { AttestProcess } from './support/attest-process';
import { benchDatabase, benchPool } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { decisionBatch, prepareTarget, type Target } from './support/bench-target';
import { CpuMeter, type CpuUse } from './support/cpu-meter';
import { checkAgainstStoredDecisionLeaf } from './support/decision-fact';
import { ingestDecisions } from './support/ingest-decisions';
import { leavesWritten, untilCheckpointed } from './support/ledger-progress';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const ITEMS = Number(process.env.BENCH_LEDGER_INGEST_ITEMS ?? 20_000);
const BACKLOG = Number(process.env.BENCH_LEDGER_BACKLOG ?? 100_000);
/** The defaults unless overridden, set explicitly so that the printed settings are the ones measured. */
const SETTINGS = {
  ATTEST_LEDGER_SEQUENCE_EVERY_MS: process.env.ATTEST_LEDGER_SEQUENCE_EVERY_MS ?? '250',
  ATTEST_LEDGER_BATCH: process.env.ATTEST_LEDGER_BATCH ?? '5000',
  ATTEST_WORKER_CONCURRENCY: process.env.ATTEST_WORKER_CONCURRENCY ?? '8',
};
const TARGET_LAG_P99_MS = 2_000;

interface LagRun {
  name: string;
  decisions: number;
  leaves: number;
  seconds: number;
  /** Leaves of the run still unsealed when its last chunk committed. */
  unsealedAtEnd: number;
  batches: number;
  lagMs: { p50: number; p99: number; max: number };
  /** The first leaf the run wrote: the backlog copies the run's leaves. */
  firstLeafId: string;
}

interface BacklogRun {
  leaves: number;
  insertSeconds: number;
  /** From the first batch's start to the last checkpoint seen. */
  sealSeconds: number;
  /** From the backlog's commit to the first batch's start (the loop's timer). */
  pickupMs: number;
  batches: number;
  cpu?: CpuUse;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env } = benchEnv(db.url);
  const pool = benchPool(db.url, 2);
  const processes: AttestProcess[] = [];
  const start = async (app: 'api' | 'worker', extra: Record<string, string> = {}) => {
    const p = await AttestProcess.start(REPO_ROOT, app, { ...env, ...SETTINGS, ...extra });
    processes.push(p);
    return p;
  };
  try {
    let api = await start('api');
    const target = await prepareTarget(api.port!, adminKey);
    const [{ tenant_id: tenantId }] = (await pool.query('SELECT tenant_id FROM principals WHERE id = $1', [target.servicePrincipalId]))
      .rows;
    const measure = async (name: string) => {
      // Warm-up: compilation, caches, and every earlier leaf sealed before the measured run.
      await ingestDecisions(api.port!, target, pool, decisionBatch(target, `warm-${runs.length}`, 2_000));
      await untilCheckpointed(pool, tenantId, await leavesWritten(pool, tenantId));
      runs.push(await lagUnderIngest(name, api.port!, target, tenantId, pool));
    };
    const runs: LagRun[] = [];
    await measure("in-process jobs (the embedded default's way): the API ingests and seals");
    const facts = await checkAgainstStoredDecisionLeaf(pool);
    const backlog = await sealBacklog(pool, api.pid, db.name, runs[0].firstLeafId);
    if (process.env.REDIS_URL) {
      await Promise.all(processes.splice(0).map((p) => p.stop()));
      const redis = { REDIS_URL: process.env.REDIS_URL, ATTEST_QUEUE_PREFIX: `attest-bench-${randomBytes(4).toString('hex')}` };
      api = await start('api', redis);
      await start('worker', redis);
      await measure('Redis + 1 worker process: the worker records and seals');
    }
    const [pg] = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows;
    print(runs, backlog, { pgVersion: pg.v, embedded: db.embedded, seconds: (Date.now() - startedAt) / 1000, factBytes: facts.stored });
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await pool.end();
    await db.drop();
  }
}

/** ITEMS decisions through ingestDecisions, then the lag of every leaf they wrote, from the database. */
async function lagUnderIngest(name: string, port: number, target: Target, tenantId: string, pool: Pool): Promise<LagRun> {
  const [{ last }] = (await pool.query<{ last: string }>('SELECT coalesce(max(id), 0) AS last FROM ledger_leaves')).rows;
  const run = await ingestDecisions(port, target, pool, decisionBatch(target, `measured-${randomBytes(4).toString('hex')}`, ITEMS));
  const [{ unsealed }] = (
    await pool.query('SELECT count(*)::int AS unsealed FROM ledger_leaves WHERE id > $1 AND position IS NULL', [last])
  ).rows;
  await untilCheckpointed(pool, tenantId, await leavesWritten(pool, tenantId));
  // One sealed_at per sequencing transaction: the distinct ones are the batches.
  const [row] = (
    await pool.query(
      `SELECT count(*)::int AS leaves, count(DISTINCT sealed_at)::int AS batches, min(id) AS first_leaf,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
         FROM (SELECT id, sealed_at, extract(epoch FROM sealed_at - created_at) * 1000 AS lag_ms FROM ledger_leaves WHERE id > $1) l`,
      [last],
    )
  ).rows;
  return {
    name,
    decisions: run.decisions,
    leaves: row.leaves,
    seconds: run.seconds,
    unsealedAtEnd: unsealed,
    batches: row.batches,
    firstLeafId: row.first_leaf,
    lagMs: { p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max) },
  };
}

/**
 * BACKLOG leaves for a fresh tenant in one statement (copies of the measured run's leaves, so of
 * their kinds and sizes), then the time the API's sequencer loop takes to seal them all. The
 * batches' start times are their checkpoints' signed_at (the sequencer's clock: this machine's).
 */
async function sealBacklog(pool: Pool, apiPid: number | undefined, databaseName: string, fromLeafId: string): Promise<BacklogRun> {
  const [{ id: tenantId }] = (
    await pool.query(`INSERT INTO tenants (name, slug) VALUES ('bench backlog', $1) RETURNING id`, [
      `bench-backlog-${randomBytes(4).toString('hex')}`,
    ])
  ).rows;
  const meter = CpuMeter.available() ? new CpuMeter(apiPid, databaseName) : undefined;
  const insertStarted = Date.now();
  await pool.query(
    `INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
     SELECT $1, kind, fact_id, fact FROM generate_series(1, $2::int) copy,
       (SELECT kind, fact_id, fact FROM ledger_leaves WHERE id >= $3 ORDER BY id) source
     LIMIT $2`,
    [tenantId, BACKLOG, fromLeafId],
  );
  const committed = Date.now();
  meter?.begin();
  const done = await untilCheckpointed(pool, tenantId, BACKLOG);
  meter?.end();
  const [batches] = (
    await pool.query('SELECT count(*)::int AS n, min(signed_at) AS first FROM ledger_checkpoints WHERE tenant_id = $1', [tenantId])
  ).rows;
  const firstStart = (batches.first as Date).getTime();
  return {
    leaves: BACKLOG,
    insertSeconds: (committed - insertStarted) / 1000,
    sealSeconds: (done - firstStart) / 1000,
    pickupMs: firstStart - committed,
    batches: batches.n,
    cpu: meter?.use(),
  };
}

function print(
  runs: LagRun[],
  backlog: BacklogRun,
  run: { pgVersion: string; embedded: boolean; seconds: number; factBytes: number },
): void {
  const ms = (x: number) => x.toFixed(0);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const leafRate = (r: LagRun) => r.leaves / r.seconds;
  const sealedRate = (r: LagRun) => (r.leaves - r.unsealedAtEnd) / r.seconds;
  // The backlog left at the ingest's end, in seconds of its writes: under the lag target when the sequencer keeps up.
  const behindMs = (r: LagRun) => (r.unsealedAtEnd / leafRate(r)) * 1000;
  const sealRate = backlog.leaves / backlog.sealSeconds;
  const baseline = leafRate(runs[0]);
  const cpu = backlog.cpu
    ? `; CPU while sealing: API ${backlog.cpu.api.toFixed(2)}, PostgreSQL ${backlog.cpu.postgres.toFixed(2)}, other ${backlog.cpu.other.toFixed(2)} cores`
    : '';
  const out = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${run.pgVersion} ` +
      `(${run.embedded ? 'embedded' : "DATABASE_URL's server"}). The API (and worker) in their own processes; sequencer every ` +
      `${SETTINGS.ATTEST_LEDGER_SEQUENCE_EVERY_MS} ms in batches of ${SETTINGS.ATTEST_LEDGER_BATCH}, ${SETTINGS.ATTEST_WORKER_CONCURRENCY} concurrent jobs; ` +
      `${ITEMS} claim-triage decisions ingested per run (facts of ~${run.factBytes} bytes); a backlog of ${BACKLOG} copies of their leaves.`,
    '',
    "| where jobs and the sequencer run | bulk ingest (submit to last commit) | sealed by the ingest's end | lag: sealed_at − created_at | batches |",
    '|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${(r.decisions / r.seconds).toFixed(0)} decisions/s = ${leafRate(r).toFixed(0)} leaves/s (${(r.leaves / r.decisions).toFixed(2)} per decision) ` +
        `| ${sealedRate(r).toFixed(0)} leaves/s, ${pct(sealedRate(r) / leafRate(r))} of the ingest's; ${r.unsealedAtEnd} waiting at its end (${ms(behindMs(r))} ms of writes) ` +
        `| p50 ${ms(r.lagMs.p50)} ms, p99 ${ms(r.lagMs.p99)} ms, max ${ms(r.lagMs.max)} ms over ${r.leaves} leaves | ${r.batches}, ${(r.leaves / r.batches).toFixed(0)} leaves each |`,
    ),
    '',
    "| sequencer alone (nothing else running) | result | vs the in-process ingest's leaf rate |",
    '|---|---|---|',
    `| a backlog of ${backlog.leaves} leaves sealed by the API's loop | ${sealRate.toFixed(0)} leaves/s (${backlog.batches} batches, ` +
      `${ms((backlog.sealSeconds * 1000) / backlog.batches)} ms each on average) | ${(sealRate / baseline).toFixed(1)}× |`,
    '',
    `Backlog inserted in ${backlog.insertSeconds.toFixed(1)} s (one statement); first batch ${ms(backlog.pickupMs)} ms after its commit${cpu}. ` +
      "sealed_at is the sealing transaction's start: its checkpoint is readable at its commit, up to one batch later.",
    '',
    'Targets (issue 4): the sequencer keeps up with the bulk ingest, lag p99 < 2 s at its rate.',
    `- alone, the sequencer seals ${(sealRate / baseline).toFixed(1)}× the ingest's leaf rate: ${sealRate >= baseline ? 'the capacity is there' : 'too slow even alone'}`,
    ...runs.map(
      (r) =>
        `- ${r.name}: ${ms(behindMs(r))} ms of writes waiting at the ingest's end — ${behindMs(r) < TARGET_LAG_P99_MS ? 'keeps up' : 'falls behind'}; ` +
        `lag p99 ${ms(r.lagMs.p99)} ms — ${r.lagMs.p99 < TARGET_LAG_P99_MS ? 'MET' : 'NOT MET'}`,
    ),
    '',
    `Total bench time: ${run.seconds.toFixed(0)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench(main);

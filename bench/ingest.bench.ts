/**
 * Bulk decisions benchmark (issue 3): decisions/s through recordDecisions (batches of 1,000 over
 * GraphQL) and through ingestDecisions (10,000 per call, recorded by the jobs: in-process as on
 * the embedded default, and by a worker process with Redis when REDIS_URL is set), beside raw
 * COPY of the same stored rows in the same run: the decisions table alone, and the same write set
 * (decision + its steps + its audit event), and the app's own multi-row statement sent raw.
 *   npm run build:bench && node dist/bench/ingest.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_INGEST_ITEMS (default 20000): decisions per measured run
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { AttestProcess } from './support/attest-process';
import { benchDatabase, benchPool, keyLedgerFacts } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { decisionBatch, prepareTarget, type Target } from './support/bench-target';
import { copyRows } from './support/copy-rows';
import { GraphQLClient } from './support/graphql-client';
import { ingestDecisions } from './support/ingest-decisions';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const ITEMS = Number(process.env.BENCH_INGEST_ITEMS ?? 20_000);
const SYNC_BATCH = 1_000;
const RAW_CHUNK = 500;
const TARGET_RATIO = 0.5;

interface Result {
  name: string;
  decisions: number;
  seconds: number;
}

const rate = (r: Result) => r.decisions / r.seconds;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env } = benchEnv(db.url);
  const pool = benchPool(db.url, 4);
  const processes: AttestProcess[] = [];
  const start = async (app: 'api' | 'worker', extra: Record<string, string> = {}) => {
    const p = await AttestProcess.start(REPO_ROOT, app, { ...env, ...extra });
    processes.push(p);
    return p;
  };
  const results: Result[] = [];
  try {
    let api = await start('api');
    await keyLedgerFacts(pool, db.url, env.ATTEST_HASH_KEY);
    const target = await prepareTarget(api.port!, adminKey);
    const items = (run: string, n: number) => decisionBatch(target, run, n);

    // Warm-up: a small batch and a small ingest, so that compilation and caches do not count.
    await recordSync(api.port!, target, items('warm-sync', 2_000));
    await ingestDecisions(api.port!, target, pool, items('warm-ingest', 2_000));

    results.push(await recordSync(api.port!, target, items('sync', ITEMS)));
    results.push({
      ...(await ingestDecisions(api.port!, target, pool, items('ingest-local', ITEMS))),
      name: "ingestDecisions, in-process jobs (embedded default's way)",
    });
    if (process.env.REDIS_URL) {
      await api.stop();
      const redis = { REDIS_URL: process.env.REDIS_URL, ATTEST_QUEUE_PREFIX: `attest-bench-${randomBytes(4).toString('hex')}` };
      api = await start('api', redis);
      await start('worker', redis);
      await ingestDecisions(api.port!, target, pool, items('warm-redis', 2_000));
      results.push({
        ...(await ingestDecisions(api.port!, target, pool, items('ingest-redis', ITEMS))),
        name: 'ingestDecisions, Redis + 1 worker process',
      });
    }
    await Promise.all(processes.splice(0).map((p) => p.stop()));

    const raw = await rawBaselines(pool, target, ITEMS);
    results.unshift(...raw);
    const [pg] = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows;
    print(results, { pgVersion: pg.v, embedded: db.embedded, seconds: (Date.now() - startedAt) / 1000 });
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await pool.end();
    await db.drop();
  }
}

/** recordDecisions in batches of 1,000, one call after the other. */
async function recordSync(port: number, target: Target, decisions: Record<string, unknown>[]): Promise<Result> {
  const client = new GraphQLClient(port, target.serviceKey, 1);
  const query = 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }';
  const started = process.hrtime.bigint();
  for (let i = 0; i < decisions.length; i += SYNC_BATCH) {
    const { recordDecisions } = await client.gql(query, { i: { decisions: decisions.slice(i, i + SYNC_BATCH) } });
    if (recordDecisions.counts.failed > 0) throw new Error(`recordDecisions refused ${recordDecisions.counts.failed} items`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  client.close();
  return { name: `recordDecisions, batches of ${SYNC_BATCH} over GraphQL`, decisions: decisions.length, seconds };
}

const DECISION_COLUMNS = [
  'id',
  'tenant_id',
  'automation_id',
  'automation_version_id',
  'model_version_id',
  'idempotency_key',
  'request_hash',
  'correlation_id',
  'trace_id',
  'input_hash',
  'input',
  'output',
  'context',
  'confidence',
  'status',
  'policy_pack_digest',
  'policy_effect',
  'policy_results',
  'policy_facts',
  'redactions',
  'subject_hash',
  'occurred_at',
  'recorded_by',
];
const STEP_COLUMNS = ['tenant_id', 'decision_id', 'position', 'kind', 'detail'];
const AUDIT_COLUMNS = ['tenant_id', 'actor_id', 'action', 'subject_type', 'subject_id', 'before', 'after', 'changes', 'correlation_id'];

/**
 * The raw baselines, as the owner (no row-level security) on one connection, on rows copied from a
 * decision the app stored (same columns, same JSON, same table, indexes and constraints), with new
 * ids and idempotency keys: COPY of the decisions alone; COPY of the same write set (each decision
 * with its steps and audit event, one COPY per table per chunk, in one transaction per chunk); and
 * the app's own multi-row statement (jsonb_to_recordset → 4 inserts) sent raw, per chunk.
 */
async function rawBaselines(pool: Pool, target: Target, n: number): Promise<Result[]> {
  const [template] = (await pool.query('SELECT * FROM decisions WHERE automation_id = $1 LIMIT 1', [target.automationId])).rows;
  const steps = (await pool.query('SELECT * FROM explanation_steps WHERE decision_id = $1 ORDER BY position', [template.id])).rows;
  const [audit] = (await pool.query('SELECT * FROM audit_events WHERE subject_id = $1', [template.id])).rows;
  const client = await pool.connect();
  try {
    const fresh = (run: string) => Array.from({ length: n }, (_, i) => ({ ...template, id: randomUUID(), idempotency_key: `${run}-${i}` }));
    const timed = async (name: string, work: () => Promise<void>): Promise<Result> => {
      const started = process.hrtime.bigint();
      await work();
      return { name, decisions: n, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    };
    const decisionsOnly = fresh('raw-copy');
    const copyOnly = await timed('raw COPY of the decisions rows (baseline)', async () => {
      for (let i = 0; i < n; i += RAW_CHUNK) await copyRows(client, 'decisions', DECISION_COLUMNS, decisionsOnly.slice(i, i + RAW_CHUNK));
    });
    const writeSet = fresh('raw-copy-all');
    const copyAll = await timed('raw COPY of the same write set (decision + 3 steps + audit event)', async () => {
      for (let i = 0; i < n; i += RAW_CHUNK) {
        const chunk = writeSet.slice(i, i + RAW_CHUNK);
        await client.query('BEGIN');
        await copyRows(client, 'decisions', DECISION_COLUMNS, chunk);
        await copyRows(
          client,
          'explanation_steps',
          STEP_COLUMNS,
          chunk.flatMap((d) => steps.map((s) => ({ ...s, decision_id: d.id }))),
        );
        await copyRows(
          client,
          'audit_events',
          AUDIT_COLUMNS,
          chunk.map((d) => ({ ...audit, subject_id: d.id })),
        );
        await client.query('COMMIT');
      }
    });
    const statement = fresh('raw-statement');
    const rawStatement = await timed("raw: the app's multi-row statement (jsonb_to_recordset → 4 inserts)", async () => {
      for (let i = 0; i < n; i += RAW_CHUNK) await insertLikeTheApp(client, statement.slice(i, i + RAW_CHUNK), steps, audit);
    });
    return [copyOnly, copyAll, rawStatement];
  } finally {
    client.release();
  }
}

async function insertLikeTheApp(
  client: PoolClient,
  rows: Record<string, any>[],
  steps: Record<string, any>[],
  audit: Record<string, any>,
): Promise<void> {
  const records = rows.map((row) => ({
    ...Object.fromEntries(DECISION_COLUMNS.map((c) => [c, row[c]])),
    steps: steps.map((s) => ({ kind: s.kind, detail: s.detail })),
    audit_action: audit.action,
    audit_after: audit.after,
    audit_changes: audit.changes,
  }));
  await client.query(
    `WITH t AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, tenant_id uuid, automation_id uuid, automation_version_id uuid,
         model_version_id uuid, idempotency_key text, request_hash text, correlation_id text, trace_id text, input_hash text, input jsonb,
         output jsonb, context jsonb, confidence double precision, status text, policy_pack_digest text, policy_effect text,
         policy_results jsonb, policy_facts jsonb, redactions jsonb, subject_hash text, occurred_at timestamptz, recorded_by uuid,
         steps jsonb, audit_action text, audit_after jsonb, audit_changes jsonb)
     ), d AS (
       INSERT INTO decisions (${DECISION_COLUMNS.join(', ')}) SELECT ${DECISION_COLUMNS.join(', ')} FROM t
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING id, tenant_id
     ), s AS (
       INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
       SELECT d.tenant_id, d.id, x.n - 1, x.step->>'kind', x.step->'detail' FROM d JOIN t USING (id), jsonb_array_elements(t.steps) WITH ORDINALITY AS x(step, n)
     )
     INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
     SELECT d.tenant_id, $2::uuid, t.audit_action, 'Decision', d.id::text, NULL, t.audit_after, t.audit_changes, NULL FROM d JOIN t USING (id)`,
    [JSON.stringify(records), audit.actor_id],
  );
}

function print(results: Result[], run: { pgVersion: string; embedded: boolean; seconds: number }): void {
  const copyOnly = rate(results[0]);
  const copyAll = rate(results[1]);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const out = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${run.pgVersion} ` +
      `(${run.embedded ? 'embedded' : "DATABASE_URL's server"}). ${ITEMS} decisions per row (the claim-triage decision of the ` +
      `recordDecision benchmark: 11 input fields with an e-mail address to redact, 3 explanation steps, default pack active); ` +
      `the API and the worker in their own processes; raw baselines on one connection as the owner, in chunks of ${RAW_CHUNK}.`,
    '',
    '| path | decisions | seconds | decisions/s | vs raw COPY of decisions | vs raw COPY of the same write set |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.decisions} | ${r.seconds.toFixed(2)} | ${rate(r).toFixed(0)} | ${pct(rate(r) / copyOnly)} | ${pct(rate(r) / copyAll)} |`,
    ),
    '',
    `Target (issue 3): bulk ingest ≥ ${pct(TARGET_RATIO)} of raw COPY.`,
    ...results
      .slice(3)
      .map(
        (r) =>
          `- ${r.name}: ${pct(rate(r) / copyOnly)} of COPY of the decisions, ${pct(rate(r) / copyAll)} of COPY of the same write set: ` +
          `${rate(r) / copyOnly >= TARGET_RATIO ? 'MET' : rate(r) / copyAll >= TARGET_RATIO ? 'MET against the same write set only' : 'NOT MET'}`,
      ),
    '',
    `Total bench time: ${run.seconds.toFixed(0)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench(main);

/**
 * verifyLedger over a stored range (issue 13, item 6), two logs in the bootstrap tenant:
 * - audit events: N inserted in one statement as the owner (the ledger's trigger writes their
 *   leaves, the API's sequencer seals and signs them), then one verifyLedger over GraphQL of the
 *   whole log → leaves/s; beside it, the lookup verifyLedger used before migrations/1764662450000
 *   (each leaf's fact found by `r.id::text = fact_id`, a scan of its table per leaf) over 1,000 leaves;
 * - decisions, the expensive facts (digests of input, output, explanation…): 2,000 claim-triage
 *   decisions ingested through the API, copied in SQL to M (each copy's leaf written by the trigger
 *   from its row), sealed; then over the same range: a plain SELECT of the rows verification
 *   reads (the leaves, their stored hashes, the decision rows; as the owner, pages of 5,000) as the
 *   baseline, startLedgerVerification (the background job, in-process, from start to `succeeded`),
 *   and verifyLedger over GraphQL of its last 50,000 leaves (its cap).
 *   npm run build:bench && node dist/bench/ledger-verify.bench.js
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_LEDGER_VERIFY_LEAVES (default 10000) audit events added
 *   BENCH_LEDGER_VERIFY_DECISIONS (default 100000) decisions in the decision log
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { AttestProcess } from './support/attest-process';
import { decisionBatch, prepareTarget } from './support/bench-target';
import { benchDatabase, benchPool, keyLedgerFacts } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { copyDecisions } from './support/decision-copies';
import { GraphQLClient } from './support/graphql-client';
import { ingestDecisions } from './support/ingest-decisions';
import { leavesWritten, untilCheckpointed } from './support/ledger-progress';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const LEAVES = Number(process.env.BENCH_LEDGER_VERIFY_LEAVES ?? 10_000);
const DECISIONS = Number(process.env.BENCH_LEDGER_VERIFY_DECISIONS ?? 100_000);
const RECORDED = Math.min(2_000, DECISIONS);
const OLD_LOOKUPS = 1_000;
/** verifyLedger's cap (MAX_VERIFY_RANGE in libs/ledger/src/api/dto/verify-ledger.args.ts). */
const SYNC_CAP = 50_000;
const PAGE = 5_000;

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const rate = (leaves: number, s: number) => Math.round(leaves / s);

async function main(): Promise<void> {
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env } = benchEnv(db.url);
  const pool = benchPool(db.url, 2);
  let api: AttestProcess | undefined;
  let client: GraphQLClient | undefined;
  try {
    api = await AttestProcess.start(REPO_ROOT, 'api', env);
    await keyLedgerFacts(pool, db.url, env.ATTEST_HASH_KEY);
    const [{ id: tenantId }] = (await pool.query('SELECT id FROM tenants')).rows;
    client = new GraphQLClient(api.port!, adminKey, 1);

    // Audit events.
    await pool.query(
      `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after)
       SELECT $1, 'bench.event', 'thing', 'thing-' || i, jsonb_build_object('i', i) FROM generate_series(1, $2::int) i`,
      [tenantId, LEAVES],
    );
    const size = await leavesWritten(pool, tenantId);
    await untilCheckpointed(pool, tenantId, size);
    const auditStarted = process.hrtime.bigint();
    const { verifyLedger: verified } = await client.gql('{ verifyLedger { ok leavesChecked checkpointsChecked } }');
    const auditSeconds = seconds(auditStarted);
    if (!verified.ok || verified.leavesChecked !== size) throw new Error(`verifyLedger: ${JSON.stringify(verified)}`);
    const oldStarted = process.hrtime.bigint();
    await pool.query(
      `SELECT count((SELECT attest_ledger_fact_audit_event(r) FROM audit_events r WHERE r.id::text = l.fact_id))
         FROM (SELECT fact_id FROM ledger_leaves WHERE tenant_id = $1 AND kind = 'audit_event' ORDER BY position LIMIT $2) l`,
      [tenantId, OLD_LOOKUPS],
    );
    const oldSeconds = seconds(oldStarted);

    // Decisions: recorded through the API, then copied.
    const target = await prepareTarget(api.port!, adminKey);
    await ingestDecisions(api.port!, target, pool, decisionBatch(target, 'verify-bench', RECORDED));
    const copyStarted = process.hrtime.bigint();
    const decisions = await copyDecisions(pool, tenantId, DECISIONS);
    const end = await leavesWritten(pool, tenantId);
    await untilCheckpointed(pool, tenantId, end, 1_800_000);
    const preparing = seconds(copyStarted);
    const range = { from: size, to: end - 1 };
    const leaves = end - size;
    const kinds = (
      await pool.query<{ kind: string; n: number }>(
        'SELECT kind, count(*)::int AS n FROM ledger_leaves WHERE tenant_id = $1 AND position BETWEEN $2 AND $3 GROUP BY kind ORDER BY n DESC',
        [tenantId, range.from, range.to],
      )
    ).rows;

    const baselineSeconds = await plainRead(pool, tenantId, range.from, range.to);
    const job = await jobOver(client, range.from, range.to);
    const syncFrom = Math.max(range.from, range.to - SYNC_CAP + 1);
    const syncStarted = process.hrtime.bigint();
    const { verifyLedger: sync } = await client.gql(
      'query($f: SafeInt!, $t: SafeInt!) { verifyLedger(fromIndex: $f, toIndex: $t) { ok leavesChecked } }',
      { f: syncFrom, t: range.to },
    );
    const syncSeconds = seconds(syncStarted);
    if (!sync.ok) throw new Error(`verifyLedger: ${JSON.stringify(sync)}`);

    const [{ v }] = (await pool.query("SELECT current_setting('server_version') AS v")).rows;
    const baseline = rate(leaves, baselineSeconds);
    const vs = (r: number) => `${((100 * r) / baseline).toFixed(0)}%`;
    const jobRate = rate(leaves, job.seconds);
    const syncRate = rate(sync.leavesChecked, syncSeconds);
    process.stdout.write(
      [
        `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${v} (${db.embedded ? 'embedded' : "DATABASE_URL's server"}).`,
        `Audit events: a log of ${size} leaves (${LEAVES} audit events added to the bootstrap tenant's), ${verified.checkpointsChecked} checkpoints.`,
        '',
        '| verification | leaves | time | leaves/s |',
        '|---|---|---|---|',
        `| verifyLedger over GraphQL, the whole log | ${size} | ${auditSeconds.toFixed(2)} s | ${rate(size, auditSeconds)} |`,
        `| the fact lookup before 1764662450000 (\`r.id::text = fact_id\`), facts only, as the owner | ${OLD_LOOKUPS} | ${oldSeconds.toFixed(2)} s | ${rate(OLD_LOOKUPS, oldSeconds)} |`,
        '',
        `Decisions: ${decisions} (${RECORDED} ingested through the API, the rest copied), leaves [${range.from}, ${range.to}]: ${kinds.map((k) => `${k.n} ${k.kind}`).join(', ')}; ` +
          `copied and sealed in ${preparing.toFixed(0)} s.`,
        '',
        '| over the decision leaves | leaves | time | leaves/s | vs baseline |',
        '|---|---|---|---|---|',
        `| baseline: plain SELECT of the leaves, their level-0 hashes and decision rows (owner, pages of ${PAGE}) | ${leaves} | ${baselineSeconds.toFixed(2)} s | ${baseline} | 100% |`,
        `| startLedgerVerification, the whole range, start to succeeded (${job.checkpoints} checkpoints) | ${leaves} | ${job.seconds.toFixed(2)} s | ${jobRate} | ${vs(jobRate)} |`,
        `| verifyLedger over GraphQL, the last ${sync.leavesChecked} | ${sync.leavesChecked} | ${syncSeconds.toFixed(2)} s | ${syncRate} | ${vs(syncRate)} |`,
        '',
        `Extrapolated at the job's rate: 1,000,000 decision leaves in ${(1_000_000 / jobRate).toFixed(0)} s.`,
        '',
      ].join('\n'),
    );
  } finally {
    client?.close();
    await api?.stop();
    await pool.end();
    await db.drop();
  }
}

/** The baseline: the rows verification reads, read and nothing else. */
async function plainRead(pool: Pool, tenantId: string, from: number, to: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let p = from; p <= to; p += PAGE) {
    await pool.query(
      `SELECT l.position, l.kind, l.fact_id, l.fact, n.hash, d.*
         FROM ledger_leaves l
         JOIN ledger_nodes n ON n.tenant_id = l.tenant_id AND n.level = 0 AND n.index = l.position
         LEFT JOIN decisions d ON d.id = CASE WHEN l.kind = 'decision' THEN l.fact_id::uuid END
        WHERE l.tenant_id = $1 AND l.position BETWEEN $2 AND $3`,
      [tenantId, p, Math.min(to, p + PAGE - 1)],
    );
  }
  return seconds(started);
}

/** startLedgerVerification over the range, polled every 100 ms until it has finished. */
async function jobOver(client: GraphQLClient, from: number, to: number): Promise<{ seconds: number; checkpoints: number }> {
  const started = process.hrtime.bigint();
  const { startLedgerVerification: job } = await client.gql(
    'mutation($f: SafeInt!, $t: SafeInt!) { startLedgerVerification(fromIndex: $f, toIndex: $t) { id } }',
    { f: from, t: to },
  );
  for (;;) {
    const { ledgerVerification: v } = await client.gql(
      'query($id: ID!) { ledgerVerification(id: $id) { status error checkpointsChecked result { ok leavesChecked } } }',
      { id: job.id },
    );
    if (v.status === 'SUCCEEDED') return { seconds: seconds(started), checkpoints: v.checkpointsChecked };
    if (v.status === 'FAILED') throw new Error(`startLedgerVerification: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

runBench(main);

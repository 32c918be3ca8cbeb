/**
 * verifyLedger over a stored range (issue 13, item 6): the bootstrap tenant's log extended with
 * N audit events (inserted in one statement as the owner; the ledger's trigger writes their leaves,
 * the API's sequencer seals and signs them), then one verifyLedger over GraphQL of the whole log →
 * leaves/s; beside it, the lookup verifyLedger used before migrations/1764662450000 (each leaf's
 * fact found by `r.id::text = fact_id`, a scan of its table per leaf) over the first 1,000 leaves.
 *   npm run build:bench && node dist/bench/ledger-verify.bench.js
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_LEDGER_VERIFY_LEAVES (default 10000) audit events added
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { AttestProcess } from './support/attest-process';
import { benchDatabase, benchPool, keyLedgerFacts } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { GraphQLClient } from './support/graphql-client';
import { leavesWritten, untilCheckpointed } from './support/ledger-progress';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const LEAVES = Number(process.env.BENCH_LEDGER_VERIFY_LEAVES ?? 10_000);
const OLD_LOOKUPS = 1_000;

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
    await pool.query(
      `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after)
       SELECT $1, 'bench.event', 'thing', 'thing-' || i, jsonb_build_object('i', i) FROM generate_series(1, $2::int) i`,
      [tenantId, LEAVES],
    );
    const size = await leavesWritten(pool, tenantId);
    await untilCheckpointed(pool, tenantId, size);

    client = new GraphQLClient(api.port!, adminKey, 1);
    const started = process.hrtime.bigint();
    const { verifyLedger: verified } = await client.gql('{ verifyLedger { ok leavesChecked checkpointsChecked } }');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!verified.ok || verified.leavesChecked !== size) throw new Error(`verifyLedger: ${JSON.stringify(verified)}`);

    const oldStarted = process.hrtime.bigint();
    await pool.query(
      `SELECT count((SELECT attest_ledger_fact_audit_event(r) FROM audit_events r WHERE r.id::text = l.fact_id))
         FROM (SELECT fact_id FROM ledger_leaves WHERE tenant_id = $1 AND kind = 'audit_event' ORDER BY position LIMIT $2) l`,
      [tenantId, OLD_LOOKUPS],
    );
    const oldSeconds = Number(process.hrtime.bigint() - oldStarted) / 1e9;

    const [{ v }] = (await pool.query("SELECT current_setting('server_version') AS v")).rows;
    process.stdout.write([
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${v} (${db.embedded ? 'embedded' : "DATABASE_URL's server"}).`,
      `A log of ${size} leaves (${LEAVES} audit events added to the bootstrap tenant's), ${verified.checkpointsChecked} checkpoints.`,
      '',
      '| verification | leaves | time | leaves/s |',
      '|---|---|---|---|',
      `| verifyLedger over GraphQL, the whole log | ${size} | ${seconds.toFixed(2)} s | ${Math.round(size / seconds)} |`,
      `| the fact lookup before 1764662450000 (\`r.id::text = fact_id\`), facts only, as the owner | ${OLD_LOOKUPS} | ${oldSeconds.toFixed(2)} s | ${Math.round(OLD_LOOKUPS / oldSeconds)} |`,
      '',
    ].join('\n'));
  } finally {
    client?.close();
    await api?.stop();
    await pool.end();
    await db.drop();
  }
}

runBench(main);

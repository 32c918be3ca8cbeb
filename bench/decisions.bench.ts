/**
 * Decisions benchmark (issue 3): synchronous `recordDecision` over HTTP/GraphQL at concurrency 1, 8
 * and 32, beside raw `pg` INSERTs of the same row on a pool of the application's size, measured in
 * the same run; plus `{ me { id } }` and `{ __typename }` to separate framework cost from SQL, and
 * the SQL statements one decision sends.
 *   npm run build:bench && node dist/bench/decisions.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 * The API runs in a child process; the load generator and the raw baseline run in this one. Both
 * share the machine's cores with PostgreSQL. Results go into docs/performance.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { AttestProcess } from './support/attest-process';
import { GraphQLClient } from './support/graphql-client';
import { benchDatabase, benchPool, keyLedgerFacts } from './support/bench-database';
import { CpuMeter, type CpuUse } from './support/cpu-meter';
import { closedLoop, type LoadResult } from './support/load';
import { decisionPayload, registerAutomation } from './support/bench-target';
import { runBench } from './support/run-bench';
import { UNLIMITED_RATES } from './support/bench-env';

const LEVELS = [1, 8, 32];
const WARMUP_MS = 2_000;
const DURATION_MS = 6_000;
/** DatabaseModule's pool (`extra: { max: 10 }`): the raw baseline gets as many connections. */
const APP_POOL_SIZE = 10;
const REPO_ROOT = resolve(__dirname, '../..');
const TARGET = { ratio: 0.4, p99Ms: 25, atConcurrency: 8 };

const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) {
  replayed decision { id status policyEvaluation { effect } redactions { path detector count } } } }`;
const ME = '{ me { id } }';
const TYPENAME = '{ __typename }';

interface Row {
  level: number;
  name: string;
  result: LoadResult;
  cpu?: CpuUse;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const db = await benchDatabase(process.env.DATABASE_URL);
  const adminKey = `bench-admin-${randomBytes(24).toString('hex')}`;
  const env = {
    DATABASE_URL: db.url,
    ATTEST_BOOTSTRAP_API_KEY: adminKey,
    ATTEST_HASH_KEY: randomBytes(32).toString('hex'),
    ATTEST_LOG_LEVEL: 'error',
    ...UNLIMITED_RATES,
  };
  const pool = benchPool(db.url, APP_POOL_SIZE);
  let api: AttestProcess | undefined;
  try {
    api = await AttestProcess.start(REPO_ROOT, 'api', env);
    await keyLedgerFacts(pool, db.url, env.ATTEST_HASH_KEY);
    const setup = new GraphQLClient(api.port!, adminKey, 1);
    const target = await registerAutomation(setup);
    await setup.gql('mutation { activatePolicyPack(name: "default", rationale: "bench") { digest } }');
    setup.close();

    const runId = randomBytes(4).toString('hex');
    let sequence = 0;
    const nextKey = () => `bench-${runId}-${sequence++}`;
    const [before, after] = JSON.stringify({
      query: RECORD,
      variables: { i: decisionPayload(target.automationId, target.modelVersionId) },
    }).split('"__KEY__"');
    const recordBody = () => `${before}${JSON.stringify(nextKey())}${after}`;

    // One decision through the API: its stored row, steps and audit event are the raw baseline's template.
    const probe = new GraphQLClient(api.port!, target.serviceKey, 1);
    const first = JSON.parse(await probe.post(recordBody())) as { data: { recordDecision: { decision: { id: string; status: string } } } };
    probe.close();
    if (first.data?.recordDecision.decision.status !== 'RECORDED')
      throw new Error(`Expected a recorded decision, got ${JSON.stringify(first)}`);
    const raw = await rawStatements(pool, first.data.recordDecision.decision.id, target.servicePrincipalId);
    const roundTrip = await selectOneRoundTrip(pool);

    const rows: Row[] = [];
    const meterFor = () => (CpuMeter.available() ? new CpuMeter(api!.pid, db.name) : undefined);
    const run = async (level: number, name: string, op: (worker: number) => Promise<void>) => {
      const meter = meterFor();
      const result = await closedLoop({
        concurrency: level,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        op,
        onWindowStart: () => meter?.begin(),
        onWindowEnd: () => meter?.end(),
      });
      rows.push({ level, name, result, cpu: meter?.use() });
      process.stderr.write(
        `  c=${level} ${name}: ${result.perSecond.toFixed(0)}/s p99 ${result.p99.toFixed(1)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}\n`,
      );
    };
    const overHttp = async (level: number, name: string, body: () => string, expect: string) => {
      const client = new GraphQLClient(api!.port!, target.serviceKey, level);
      await run(level, name, async () => {
        const text = await client.post(body());
        if (!text.includes(expect) || text.includes('"errors"')) throw new Error(`Unexpected answer: ${text.slice(0, 300)}`);
      });
      client.close();
    };

    for (const level of LEVELS) {
      await run(level, 'raw pg INSERT of the decisions row', () => raw.insertRow(nextKey()));
      await run(level, 'raw pg same writes (row + 3 steps + audit event, 1 statement)', () => raw.insertAll(nextKey()));
      await run(level, "raw pg replay of recordDecision's 5 statements", () => raw.replay(nextKey()));
      await overHttp(level, 'recordDecision over GraphQL', recordBody, '"status":"recorded"');
      await overHttp(level, '{ me { id } } over GraphQL', () => JSON.stringify({ query: ME }), `"id":"${target.servicePrincipalId}"`);
      await overHttp(
        level,
        '{ __typename } over GraphQL (no auth, no SQL)',
        () => JSON.stringify({ query: TYPENAME }),
        '"__typename":"Query"',
      );
    }
    await api.stop();
    api = undefined;

    const statements = await statementsPerRequest(env, target.serviceKey, recordBody);
    const [pgVersion] = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows;
    print({ rows, statements, roundTrip, pgVersion: pgVersion.v, embedded: db.embedded, seconds: (Date.now() - startedAt) / 1000 });
  } finally {
    await api?.stop();
    await pool.end();
    await db.drop();
  }
}

const DECISION_COLUMNS = [
  'tenant_id',
  'automation_id',
  'automation_version_id',
  'model_version_id',
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
  'recorded_by',
];
const JSONB_COLUMNS = new Set(['input', 'output', 'context', 'policy_results', 'policy_facts', 'redactions']);
const AUDIT_COLUMNS: [string, string][] = [
  ['tenant_id', 'uuid'],
  ['actor_id', 'uuid'],
  ['action', 'text'],
  ['subject_type', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['changes', 'jsonb'],
  ['correlation_id', 'text'],
];

/**
 * The raw baselines: the decision the API stored, inserted again with a new id and idempotency key
 * (same columns, same JSON sizes, same table, indexes and foreign keys), as the owner (no row-level
 * security), on a pool of the application's size. `insertRow` and `insertAll` are one statement in
 * autocommit; `replay` sends the statements one recordDecision sends, in the same order and as
 * named prepared statements like the app (copied from it; the bench prints the app's list beside it).
 */
async function rawStatements(pool: Pool, decisionId: string, servicePrincipalId: string) {
  const [row] = (await pool.query('SELECT * FROM decisions WHERE id = $1', [decisionId])).rows;
  const steps = (await pool.query('SELECT kind, detail FROM explanation_steps WHERE decision_id = $1 ORDER BY position', [decisionId]))
    .rows;
  const [audit] = (await pool.query('SELECT * FROM audit_events WHERE subject_id = $1', [decisionId])).rows;
  if (!row || steps.length !== 3 || !audit) throw new Error(`The template decision ${decisionId} is incomplete`);
  const [{ prefix }] = (await pool.query('SELECT prefix FROM api_keys WHERE principal_id = $1', [servicePrincipalId])).rows;

  const json = (x: unknown) => (x === null ? null : JSON.stringify(x));
  const rowValues = DECISION_COLUMNS.map((c) => (JSONB_COLUMNS.has(c) ? json(row[c]) : row[c]));
  const auditValues = AUDIT_COLUMNS.map(([c, type]) => (type === 'jsonb' ? json(audit[c]) : audit[c]));
  const stepsJson = JSON.stringify(steps);
  const placeholders = DECISION_COLUMNS.map((c, i) => `$${i + 4}${JSONB_COLUMNS.has(c) ? '::jsonb' : ''}`).join(', ');
  const insertRow = `INSERT INTO decisions (id, idempotency_key, occurred_at, ${DECISION_COLUMNS.join(', ')}) VALUES ($1, $2, $3, ${placeholders})`;
  const stepsParam = DECISION_COLUMNS.length + 4;
  const auditFrom = stepsParam + 1;
  const insertAll = `
    WITH d AS (
      INSERT INTO decisions (id, idempotency_key, occurred_at, ${DECISION_COLUMNS.join(', ')}) VALUES ($1, $2, $3, ${placeholders})
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
      RETURNING id, tenant_id, recorded_at
    ), steps AS (
      INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
      SELECT d.tenant_id, d.id, s.n - 1, s.step->>'kind', s.step->'detail' FROM d, jsonb_array_elements($${stepsParam}::jsonb) WITH ORDINALITY AS s(step, n)
    ), audit AS (
      INSERT INTO audit_events (subject_id, ${AUDIT_COLUMNS.map(([c]) => c).join(', ')})
      SELECT d.id::text, ${AUDIT_COLUMNS.map(([, type], i) => `$${auditFrom + i}::${type}`).join(', ')} FROM d
    )
    SELECT recorded_at FROM d`;
  return {
    insertRow: async (key: string) => {
      await pool.query(insertRow, [randomUUID(), key, new Date(), ...rowValues]);
    },
    insertAll: async (key: string) => {
      const { rows } = await pool.query(insertAll, [randomUUID(), key, new Date(), ...rowValues, stepsJson, ...auditValues]);
      if (rows.length !== 1) throw new Error('the raw decision was not inserted');
    },
    replay: async (key: string) => {
      const [auth] = (await pool.query({ name: 'replay_auth', text: REPLAY.authenticate, values: [prefix] })).rows;
      if (!auth) throw new Error('the raw authentication found no key');
      const client = await pool.connect();
      try {
        await client.query(`START TRANSACTION; SELECT set_config('attest.tenant_id', '${row.tenant_id}', true)`);
        await client.query({ name: 'replay_reads', text: REPLAY.reads, values: [row.automation_id, row.model_version_id, row.tenant_id] });
        const { rows } = await client.query({
          name: 'replay_insert',
          text: insertAll,
          values: [randomUUID(), key, new Date(), ...rowValues, stepsJson, ...auditValues],
        });
        if (rows.length !== 1) throw new Error('the raw decision was not inserted');
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** The app's reads of one recordDecision, in one statement as it sends them (RLS's tenant filter written out where the owner bypasses it). */
const REPLAY = {
  authenticate:
    'SELECT k.*, g.* FROM attest_find_api_key($1) k LEFT JOIN LATERAL attest_principal_grants(k.tenant_id, k.principal_id) g ON true',
  reads: `
    SELECT (SELECT rules FROM redaction_rules WHERE automation_id = a.id) AS redaction_rules,
           (SELECT digest FROM policy_pack_activations WHERE tenant_id = $3 ORDER BY created_at DESC, id DESC LIMIT 1) AS active_pack_digest,
           a.id AS automation_id, a.key, a.owner_id,
           av.id AS av_id, av.version AS av_version, av.status AS av_status, av.risk_class, av.oversight_mode,
           av.environment, av.purpose, av.domain,
           mv.id AS mv_id, mv.status AS mv_status, mv.risk_tier, mv.intended_use, mv.limitations, mv.metrics,
           (SELECT coalesce(json_agg(json_build_object('id', dv.id, 'piiClasses', dv.pii_classes, 'provenance', dv.provenance) ORDER BY dv.id), '[]')
              FROM model_version_datasets l JOIN dataset_versions dv ON dv.id = l.dataset_version_id
             WHERE l.model_version_id = mv.id) AS datasets
      FROM automations a
      JOIN automation_versions av ON av.automation_id = a.id AND av.status <> 'retired'
      JOIN automation_version_models avm ON avm.automation_version_id = av.id AND avm.model_version_id = $2
      JOIN model_versions mv ON mv.id = avm.model_version_id
     WHERE a.id = $1
     ORDER BY av.status = 'deployed' DESC, av.created_at DESC, av.id DESC
     LIMIT 1`,
};

/** p50 of a `SELECT 1` on the pool, sequentially: the price of one round trip. */
async function selectOneRoundTrip(pool: Pool): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 2_200; i++) {
    const started = process.hrtime.bigint();
    await pool.query('SELECT 1');
    if (i >= 200) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * The SQL of one request of each kind, from a second API process with ATTEST_LOG_LEVEL=debug
 * (TypeORM's logger echoes every statement it sends), after two warm-up requests.
 */
async function statementsPerRequest(
  env: Record<string, string>,
  serviceKey: string,
  recordBody: () => string,
): Promise<Record<string, string[]>> {
  const api = await AttestProcess.start(REPO_ROOT, 'api', { ...env, ATTEST_LOG_LEVEL: 'debug' });
  const client = new GraphQLClient(api.port!, serviceKey, 1);
  try {
    const requests: Record<string, () => string> = {
      recordDecision: recordBody,
      '{ me { id } }': () => JSON.stringify({ query: ME }),
      '{ __typename }': () => JSON.stringify({ query: TYPENAME }),
    };
    const statements: Record<string, string[]> = {};
    for (const [name, body] of Object.entries(requests)) {
      for (let i = 0; i < 2; i++) await client.post(body());
      await settle();
      const from = api.stdout.length;
      await client.post(body());
      await settle();
      statements[name] = api.stdout
        .slice(from)
        .split(/\n(?=\[Nest\] )/)
        .filter((entry) => entry.includes('[SQL] '))
        .map((entry) =>
          entry
            .slice(entry.indexOf('[SQL] ') + 6)
            .replace(/\s+/g, ' ')
            .trim(),
        );
    }
    return statements;
  } finally {
    client.close();
    await api.stop();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function print(run: {
  rows: Row[];
  statements: Record<string, string[]>;
  roundTrip: number;
  pgVersion: string;
  embedded: boolean;
  seconds: number;
}): void {
  const { rows, statements, roundTrip } = run;
  const out: string[] = [];
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '–');
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const cpu = (c?: CpuUse) =>
    c ? `${c.api.toFixed(2)} / ${c.postgres.toFixed(2)} / ${c.loadGenerator.toFixed(2)} / ${c.other.toFixed(2)}` : 'n/a';
  const find = (level: number, prefix: string) => rows.find((r) => r.level === level && r.name.startsWith(prefix))!;

  out.push(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${run.pgVersion} ` +
      `(${run.embedded ? 'embedded' : "DATABASE_URL's server"}). The API runs in its own process; the load generator and the raw ` +
      `baseline's pg client run in this one; all of them and PostgreSQL share the ${cpus().length} cores. Closed loop, ` +
      `${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured per row; raw baseline on a pg Pool of ${APP_POOL_SIZE} (the app's size).`,
    '',
    '| conc. | workload | req/s | p50 ms | p95 ms | p99 ms | vs raw INSERT | vs raw same writes | CPU cores: API / PG / load gen / other |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const level of LEVELS) {
    const rawRow = find(level, 'raw pg INSERT').result.perSecond;
    const rawAll = find(level, 'raw pg same').result.perSecond;
    for (const r of rows.filter((x) => x.level === level)) {
      const vsRow = r.name.startsWith('raw pg INSERT') ? 'baseline' : pct(r.result.perSecond / rawRow);
      const vsAll = r.name.startsWith('raw pg same')
        ? 'baseline'
        : r.name.startsWith('raw pg INSERT')
          ? ''
          : pct(r.result.perSecond / rawAll);
      const errors = r.result.errors ? ` (${r.result.errors} errors: ${r.result.firstError?.slice(0, 80)})` : '';
      out.push(
        `| ${level} | ${r.name}${errors} | ${r.result.perSecond.toFixed(0)} | ${ms(r.result.p50)} | ${ms(r.result.p95)} | ${ms(r.result.p99)} | ` +
          `${vsRow} | ${vsAll} | ${cpu(r.cpu)} |`,
      );
    }
  }

  out.push(
    '',
    `Targets (issue 3): recordDecision ≥ ${pct(TARGET.ratio)} of the raw INSERT rate; p99 < ${TARGET.p99Ms} ms at concurrency ${TARGET.atConcurrency}.`,
    '',
  );
  for (const level of LEVELS) {
    const record = find(level, 'recordDecision').result;
    const ratio = record.perSecond / find(level, 'raw pg INSERT').result.perSecond;
    const p99 = level === TARGET.atConcurrency ? `; p99 ${ms(record.p99)} ms: ${record.p99 < TARGET.p99Ms ? 'MET' : 'NOT MET'}` : '';
    out.push(`- concurrency ${level}: ${pct(ratio)} of raw: ${ratio >= TARGET.ratio ? 'MET' : 'NOT MET'}${p99}`);
  }

  out.push('', 'CPU time per request (ms; CPU seconds of each group in the window / requests):', '');
  out.push('| conc. | workload | API | PostgreSQL | load generator | total |', '|---|---|---|---|---|---|');
  for (const r of rows) {
    if (!r.cpu) continue;
    const per = (cores: number) => (cores * 1000) / r.result.perSecond;
    const total = per(r.cpu.api) + per(r.cpu.postgres) + per(r.cpu.loadGenerator);
    out.push(
      `| ${r.level} | ${r.name} | ${ms(per(r.cpu.api))} | ${ms(per(r.cpu.postgres))} | ${ms(per(r.cpu.loadGenerator))} | ${ms(total)} |`,
    );
  }
  const noisy = rows.filter((r) => r.cpu && r.cpu.other > 0.2);
  if (noisy.length)
    out.push('', `Warning: other processes used > 0.2 cores during ${noisy.length} of ${rows.length} rows: those numbers are disturbed.`);

  out.push('', 'SQL statements per request (ATTEST_LOG_LEVEL=debug on a second API process, one request after two warm-up ones):', '');
  out.push(`- one round trip (\`SELECT 1\` on the pool, sequential, p50): ${ms(roundTrip)} ms`);
  for (const [name, list] of Object.entries(statements)) {
    out.push(`- ${name}: ${list.length} statements${list.length ? ':' : ''}`);
    list.forEach((sql, i) => out.push(`  ${i + 1}. \`${sql.length > 110 ? `${sql.slice(0, 107)}...` : sql}\``));
  }
  const one = (prefix: string) => ms(find(1, prefix).result.p50);
  out.push(
    '',
    `Concurrency 1, p50: { __typename } ${one('{ __typename }')} ms (HTTP + Express + Apollo, no SQL); { me { id } } ${one('{ me {')} ms; ` +
      `recordDecision ${one('recordDecision')} ms; raw replay of its statements ${one('raw pg replay')} ms; raw same writes ${one('raw pg same')} ms.`,
  );
  out.push('', `Total bench time: ${run.seconds.toFixed(0)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench(main);

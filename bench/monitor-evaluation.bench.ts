/**
 * Monitor evaluation benchmark (issue 16): what evaluating a drift monitor costs when its
 * automation version holds BENCH_MONITOR_DECISIONS decisions (default 1,000,000) over
 * BENCH_MONITOR_DAYS days (default 60), with a monitor of every metric.
 *
 * The statistics are kept the way production keeps them: one decision is recorded through the API,
 * the rest are copies of it inserted in bulk (confidence, label and status varied, spread over the
 * days, the last 7 drifted), with reviews of the decisions sent to review, all with their ledger
 * leaves (the ledger's insert triggers on); then the API's own sequencer seals them, and its sealing
 * trigger counts them into the daily statistics. The bench checks the statistics against the rows.
 *
 * Measured in the same run (the API in its own process):
 * - each monitor's evaluation, `monitorSeries(from: today, to: today)` over GraphQL: the same reads
 *   and measure as the minute's evaluation job (reference window, current window), one round trip;
 * - baselines: a raw read of the current window's daily statistics (pg), a trivial GraphQL read
 *   (`monitors` of the version: the API's own round trip), and `count(*)` of the version's decisions
 *   (what an evaluation reading decisions would pay at least).
 *   npm run bench:monitor-evaluation      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_MONITOR_DECISIONS=20000  a quick run
 * Target (issue 16): < 50 ms per monitor. Results go into docs/performance.md.
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { withBenchApi } from './support/bench-api';
import { decisionPayload, prepareTarget, type Target } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { sealBulkInsert } from './support/ledger-progress';
import { timeEachAsync, type Percentiles } from './support/timing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const DECISIONS = Number(process.env.BENCH_MONITOR_DECISIONS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_MONITOR_DAYS ?? 60);
/** The last this many days drift: lower confidence, other labels, more blocks and overrides. */
const DRIFTED_DAYS = 7;
const EVALUATIONS = 200;
const COUNTS = 20;
const TARGET_MS = 50;
const METRICS = ['CONFIDENCE_PSI', 'CONFIDENCE_KS', 'LABEL_PSI', 'OVERRIDE_RATE', 'BLOCKED_RATE'] as const;
const INSERT_CHUNK = 100_000;

/**
 * Decision g (1…DECISIONS) falls on day d before today, oldest first: in order of days, as
 * production records and seals them (a sealing batch then updates one day's statistics rows, not
 * every day's: spread over all days, each batch would rewrite them all and bloat the tables).
 * Before the drift: confidence uniform in [0.55, 1), routes weighted 2:2:1:1, 2 % blocked; in the
 * drifted days: confidence in [0.40, 0.95), more manual routes, 4 % blocked. 5 % go to review.
 */
const FILL = `
  INSERT INTO decisions (id, tenant_id, automation_id, automation_version_id, model_version_id, idempotency_key, request_hash, input_hash,
                         input, output, context, confidence, status, redactions, occurred_at, recorded_at, recorded_by)
  SELECT gen_random_uuid(), t.tenant_id, t.automation_id, t.automation_version_id, t.model_version_id, 'bench-' || g, t.request_hash,
         t.input_hash, t.input,
         jsonb_set(t.output, '{route}', to_jsonb(CASE WHEN p.drifted
           THEN (ARRAY['fast-track', 'standard', 'manual', 'manual', 'manual', 'fraud-check'])[1 + p.k % 6]
           ELSE (ARRAY['fast-track', 'fast-track', 'standard', 'standard', 'manual', 'fraud-check'])[1 + p.k % 6] END)),
         t.context,
         CASE WHEN p.drifted THEN 0.40 + 0.55 * p.u ELSE 0.55 + 0.45 * p.u END,
         CASE WHEN p.k % 20 = 1 THEN 'pending_review' WHEN p.k % (CASE WHEN p.drifted THEN 25 ELSE 50 END) = 0 THEN 'blocked' ELSE 'recorded' END,
         t.redactions, p.at, p.at, t.recorded_by
    FROM decisions t, generate_series($2::int, $3::int) g,
         LATERAL (SELECT ($4 - 1) - (g - 1) * $4 / $5 AS d, g AS k) cal,
         LATERAL (SELECT cal.k, cal.d < ${DRIFTED_DAYS} AS drifted, (g * 0.6180339887) - floor(g * 0.6180339887) AS u,
                         now() - cal.d * interval '1 day' - (g % 600) * interval '1 second' AS at) p
   WHERE t.id = $1`;

/** A review of every decision sent to review: 1 in 7 overridden before the drift, 1 in 4 in the drifted days. */
const REVIEWS = `
  INSERT INTO decision_reviews (tenant_id, decision_id, reviewer_id, verdict, rationale, corrected_output)
  SELECT d.tenant_id, d.id, $2, v.verdict, 'bench review', CASE WHEN v.verdict = 'override' THEN '{"route": "manual"}'::jsonb END
    FROM decisions d,
         LATERAL (SELECT CASE WHEN (hashtext(d.idempotency_key) & 65535) % (CASE WHEN d.recorded_at > now() - interval '${DRIFTED_DAYS} days'
                                   THEN 4 ELSE 7 END) = 0 THEN 'override' ELSE 'approve' END AS verdict) v
   WHERE d.automation_version_id = $1 AND d.status = 'pending_review'`;

interface Fill {
  insertSeconds: number;
  sealSeconds: number;
  reviews: number;
}

/** The copies and reviews with their leaves, then waits for the API's sequencer to seal every leaf. */
async function fillDecisions(pool: Pool, templateId: string, versionId: string, reviewerId: string): Promise<Fill> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    for (let from = 1; from <= DECISIONS; from += INSERT_CHUNK) {
      await client.query(FILL, [templateId, from, Math.min(DECISIONS, from + INSERT_CHUNK - 1), DAYS, DECISIONS]);
    }
    const reviews = (await client.query(REVIEWS, [versionId, reviewerId])).rowCount ?? 0;
    const inserted = Date.now();
    const sealSeconds = await sealBulkInsert(client, [
      'decisions',
      'decision_reviews',
      'ledger_leaves',
      'monitoring_daily_stats',
      'monitoring_daily_confidence',
      'monitoring_daily_labels',
    ]);
    return { insertSeconds: (inserted - started) / 1000, sealSeconds, reviews };
  } finally {
    client.release();
  }
}

/** The statistics the sealing trigger kept must add up to the rows: else the bench measured nothing real. */
async function checkStatistics(pool: Pool, versionId: string): Promise<{ decisions: number; days: number }> {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM decisions WHERE automation_version_id = $1)::int AS decisions,
            (SELECT count(*) FROM decision_reviews r JOIN decisions d ON d.id = r.decision_id WHERE d.automation_version_id = $1)::int AS reviews,
            (SELECT count(*) FROM decision_reviews r JOIN decisions d ON d.id = r.decision_id
              WHERE d.automation_version_id = $1 AND r.verdict = 'override')::int AS overrides,
            s.counted::int, s.reviewed::int, s.overridden::int, s.days::int,
            (SELECT sum(count) FROM monitoring_daily_confidence WHERE automation_version_id = $1)::int AS bucketed,
            (SELECT sum(count) FROM monitoring_daily_labels WHERE automation_version_id = $1)::int AS labelled
       FROM (SELECT sum(decisions) AS counted, sum(reviewed) AS reviewed, sum(overridden) AS overridden, count(*) AS days
               FROM monitoring_daily_stats WHERE automation_version_id = $1) s`,
    [versionId],
  );
  const r = rows[0];
  const expected = { counted: r.decisions, reviewed: r.reviews, overridden: r.overrides, bucketed: r.decisions, labelled: r.decisions };
  for (const [key, value] of Object.entries(expected)) {
    if (r[key] !== value) throw new Error(`The daily statistics hold ${key} = ${r[key]}, the rows ${value}`);
  }
  return { decisions: r.decisions, days: r.days };
}

async function registerMonitors(admin: GraphQLClient, target: Target, versionId: string): Promise<void> {
  await admin.gql('mutation($a: ID!) { setMonitoringLabelPath(automationId: $a, path: "$.route") { path } }', { a: target.automationId });
  for (const metric of METRICS) {
    // The first N decisions: the reference kind that reads the most (a year of statistics to find them).
    await admin.gql('mutation($i: DefineMonitorInput!) { defineMonitor(input: $i) { id } }', {
      i: { automationVersionId: versionId, metric, referenceDecisions: Math.max(1, Math.floor(DECISIONS / 6)), windowDays: 7 },
    });
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  await withBenchApi(REPO_ROOT, async ({ api, adminKey, admin, pool }) => {
    const target = await prepareTarget(api.port!, adminKey);
    const versionId: string = (await pool.query('SELECT id FROM automation_versions WHERE automation_id = $1', [target.automationId]))
      .rows[0].id;
    const reviewerId: string = (await admin.gql('{ me { id } }')).me.id;
    await registerMonitors(admin, target, versionId);
    const service = new GraphQLClient(api.port!, target.serviceKey, 1);
    const templateId: string = (
      await service.gql('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id } } }', {
        i: { ...decisionPayload(target.automationId, target.modelVersionId), idempotencyKey: 'template' },
      })
    ).recordDecision.decision.id;
    service.close();
    const fill = await fillDecisions(pool, templateId, versionId, reviewerId);
    const stats = await checkStatistics(pool, versionId);

    const today = new Date().toISOString().slice(0, 10);
    const windowFrom = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    const rawWindow = await timeEachAsync(EVALUATIONS, async () => {
      await pool.query(
        `SELECT sum(decisions), sum(blocked), sum(reviewed), sum(overridden) FROM monitoring_daily_stats
          WHERE automation_version_id = $1 AND day BETWEEN $2 AND $3`,
        [versionId, windowFrom, today],
      );
    });
    const roundTrip = await timeEachAsync(EVALUATIONS, async () => {
      await admin.gql('query($v: ID!) { monitors(automationVersionId: $v) { id } }', { v: versionId });
    });
    const count = await timeEachAsync(COUNTS, async () => {
      await pool.query('SELECT count(*) FROM decisions WHERE automation_version_id = $1', [versionId]);
    });
    const evaluations: { metric: string; times: Percentiles; value: number | null; state: string }[] = [];
    for (const metric of METRICS) {
      let point: { value: number | null; state: string } = { value: null, state: 'NO_DATA' };
      const times = await timeEachAsync(EVALUATIONS, async () => {
        [point] = (
          await admin.gql(
            'query($v: ID!, $m: MonitorMetric!, $d: String!) { monitorSeries(automationVersionId: $v, metric: $m, from: $d, to: $d) { value state } }',
            { v: versionId, m: metric, d: today },
          )
        ).monitorSeries;
      });
      if (point.value === null) throw new Error(`The ${metric} monitor found no data: the statistics are not what the bench filled`);
      evaluations.push({ metric, times, ...point });
    }
    print({
      fill,
      stats,
      rawWindow,
      roundTrip,
      count,
      evaluations,
      server: (await pool.query('SHOW server_version')).rows[0].server_version,
    });
    process.stdout.write(`\nTotal bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s.\n`);
  });
}

function print(r: {
  fill: Fill;
  stats: { decisions: number; days: number };
  rawWindow: Percentiles;
  roundTrip: Percentiles;
  count: Percentiles;
  evaluations: { metric: string; times: Percentiles; value: number | null; state: string }[];
  server: string;
}): void {
  const ms = (n: number) => n.toFixed(2);
  const row = (name: string, p: Percentiles, value = '', state = '') =>
    `| ${name} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${(p.p50 / r.rawWindow.p50).toFixed(1)}× | ` +
    `${(p.p50 / r.roundTrip.p50).toFixed(1)}× | ${(p.p50 / r.count.p50).toFixed(3)}× | ${value} | ${state} |`;
  const worst = Math.max(...r.evaluations.map((e) => e.times.p95));
  process.stdout.write(
    [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${r.server} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : 'embedded'}). ` +
        `One automation version with ${r.stats.decisions} decisions over ${r.stats.days} days (${DRIFTED_DAYS} drifted) and ${r.fill.reviews} reviews, ` +
        `inserted with their ledger leaves in ${r.fill.insertSeconds.toFixed(0)} s and sealed (statistics kept by the sealing trigger) in ${r.fill.sealSeconds.toFixed(0)} s; ` +
        `monitors of every metric, reference the first ${Math.max(1, Math.floor(DECISIONS / 6))} decisions, window 7 days; the API in its own process.`,
      '',
      '| measure | p50 ms | p95 ms | p99 ms | p50 vs raw window read | p50 vs GraphQL round trip | p50 vs count(*) | value | state |',
      '|---|---|---|---|---|---|---|---|---|',
      row(`raw read of the window's daily statistics (pg, ${EVALUATIONS}; baseline)`, r.rawWindow),
      row(`\`monitors(automationVersionId)\` over GraphQL (${EVALUATIONS}; baseline)`, r.roundTrip),
      row(`\`count(*)\` of the version's decisions (pg, ${COUNTS}; baseline)`, r.count),
      ...r.evaluations.map((e) =>
        row(`evaluate ${e.metric}: \`monitorSeries\` of today over GraphQL (${EVALUATIONS})`, e.times, e.value?.toFixed(4), e.state),
      ),
      '',
      `Target (issue 16): < ${TARGET_MS} ms per monitor — ${worst < TARGET_MS ? 'MET' : 'NOT MET'} (worst p95 ${worst.toFixed(1)} ms).`,
    ].join('\n') + '\n',
  );
}

runBench(main);

/**
 * Tracing benchmark (issue 16): what OpenTelemetry tracing costs `recordDecision` at concurrency 8.
 * Four API processes on one database, measured in the same run:
 *   - off: no traces exporter (the default: nothing instrumented);
 *   - 0 %: every instrumentation on, nothing sampled (the hooks' own cost);
 *   - 10 %: every instrumentation on, OTEL_TRACES_SAMPLER=parentbased_traceidratio with 0.1,
 *     exported over OTLP/HTTP (the SDK's batch processor) to a sink in this process;
 *   - 100 %: the same, every trace kept.
 * Robust to a busy machine: after one warm-up pass, BENCH_TRACING_ROUNDS interleaved rounds (default
 * 24), each a 2 s window of every configuration, the order rotated from round to round (no
 * configuration always runs first or after the same one). Short windows close together mean a
 * change in the machine's load falls on all of them alike, and the result is read per round: each
 * configuration's throughput against the off configuration's in the same round, the median of those
 * ratios over the rounds (with their spread), beside the median of the per-round throughputs.
 *   npm run bench:tracing      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   REDIS_URL=redis://…  (wanted) no API process seals the ledger, so the four do the same work
 * Target (issue 16): the 10 % sampler costs < 5 % of throughput. Results go into docs/performance.md.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { AttestProcess } from './support/attest-process';
import { benchDatabase } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { decisionPayload, registerAutomation } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { CpuMeter, type CpuUse } from './support/cpu-meter';
import { closedLoop, type LoadResult } from './support/load';
import { runBench } from './support/run-bench';

const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 24);
/** Each process is warmed once (JIT, pool, sockets) before the rounds; a window's own warm-up only refills the loop. */
const FIRST_WARMUP_MS = 4_000;
const WARMUP_MS = 500;
const DURATION_MS = 2_000;
const REPO_ROOT = resolve(__dirname, '../..');
const TARGET_LOSS = 0.05;

const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) {
  replayed decision { id status policyEvaluation { effect } redactions { path detector count } } } }`;

interface Config {
  name: string;
  env: (sinkPort: number) => Record<string, string>;
}

const CONFIGS: Config[] = [
  { name: 'tracing off', env: () => ({}) },
  // The instrumentations' fixed cost: every hook runs, no span is recorded.
  { name: 'tracing on, 0 % sampled', env: (port) => tracingEnv(port, '0') },
  { name: 'tracing on, 10 % sampled', env: (port) => tracingEnv(port, '0.1') },
  { name: 'tracing on, 100 % sampled', env: (port) => tracingEnv(port, '1') },
];

function tracingEnv(sinkPort: number, ratio: string): Record<string, string> {
  return {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: ratio,
  };
}

/** An OTLP/HTTP collector that accepts and drops: the export's cost is the API's, not a collector's. */
async function otlpSink(): Promise<{ server: Server; port: number; received: () => { posts: number; bytes: number } }> {
  let posts = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      posts++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { server, port, received: () => ({ posts, bytes }) };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env: base } = benchEnv(db.url);
  // With Redis and no worker, no API process seals the ledger: otherwise the one that holds the
  // sequencer's lock does that work for all four, and whichever it is measures slower.
  const redisUrl = process.env.REDIS_URL;
  const env = redisUrl ? { ...base, REDIS_URL: redisUrl, ATTEST_QUEUE_PREFIX: `bench-tracing-${randomBytes(4).toString('hex')}` } : base;
  if (!redisUrl) process.stderr.write('Without REDIS_URL one of the API processes also seals the ledger for all: its numbers are lower.\n');
  const sink = await otlpSink();
  const apis: AttestProcess[] = [];
  try {
    // One at a time: the first one migrates the database.
    for (const config of CONFIGS) apis.push(await AttestProcess.start(REPO_ROOT, 'api', { ...env, ...config.env(sink.port) }));
    const setup = new GraphQLClient(apis[0].port!, adminKey, 1);
    const target = await registerAutomation(setup);
    await setup.gql('mutation { activatePolicyPack(name: "default", rationale: "bench") { digest } }');
    setup.close();

    const runId = randomBytes(4).toString('hex');
    let sequence = 0;
    const [before, after] = JSON.stringify({
      query: RECORD,
      variables: { i: decisionPayload(target.automationId, target.modelVersionId) },
    }).split('"__KEY__"');
    const recordBody = () => `${before}${JSON.stringify(`bench-${runId}-${sequence++}`)}${after}`;

    const clients = apis.map((api) => new GraphQLClient(api.port!, target.serviceKey, CONCURRENCY));
    const window = async (i: number, warmupMs: number): Promise<Measured> => {
      const meter = CpuMeter.available() ? new CpuMeter(apis[i].pid, db.name) : undefined;
      const result = await closedLoop({
        concurrency: CONCURRENCY,
        warmupMs,
        durationMs: DURATION_MS,
        onWindowStart: () => meter?.begin(),
        onWindowEnd: () => meter?.end(),
        op: async () => {
          const text = await clients[i].post(recordBody());
          if (!text.includes('"status":"RECORDED"') || text.includes('"errors"'))
            throw new Error(`Unexpected answer: ${text.slice(0, 300)}`);
        },
      });
      if (!apis[i].alive)
        throw new Error(`The API (${CONFIGS[i].name}) died:\n${apis[i].stderr.slice(-3000)}${apis[i].stdout.slice(-2000)}`);
      return { result, cpu: meter?.use() };
    };
    for (const i of CONFIGS.keys()) await window(i, FIRST_WARMUP_MS);
    /** rounds[r][i]: configuration i's window in round r, with the CPU the machine spent meanwhile. */
    const rounds: Measured[][] = [];
    const loadBefore = loadavg()[0];
    for (let round = 0; round < ROUNDS; round++) {
      const measured: Measured[] = [];
      for (let step = 0; step < CONFIGS.length; step++) {
        const i = (round + step) % CONFIGS.length;
        measured[i] = await window(i, WARMUP_MS);
        const { result, cpu } = measured[i];
        process.stderr.write(
          `  round ${round + 1} ${CONFIGS[i].name}: ${result.perSecond.toFixed(0)}/s p99 ${result.p99.toFixed(1)} ms` +
            `${cpu ? `, other load ${cpu.other.toFixed(2)} cores` : ''}${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}\n`,
        );
      }
      rounds.push(measured);
    }
    for (const client of clients) client.close();
    print(rounds, sink.received(), db.embedded, { before: loadBefore, after: loadavg()[0] }, (Date.now() - startedAt) / 1000);
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
    sink.server.close();
    await db.drop();
  }
}

interface Measured {
  result: LoadResult;
  cpu?: CpuUse;
}

/** The q-quantile, interpolated between the closest ranks. */
const quantile = (list: number[], q: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at));
};
const median = (list: number[]) => quantile(list, 0.5);
const change = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${(Math.abs(ratio - 1) * 100).toFixed(1)} %`;

function print(
  rounds: Measured[][],
  sink: { posts: number; bytes: number },
  embedded: boolean,
  load: { before: number; after: number },
  seconds: number,
): void {
  const column = <T>(i: number, of: (m: Measured) => T) => rounds.map((round) => of(round[i]));
  /** Configuration i against off, round by round: the same load fell on both. */
  const paired = (i: number, of: (m: Measured) => number) => rounds.map((round) => of(round[i]) / of(round[0]));
  const throughput = (m: Measured) => m.result.perSecond;
  const cpuPerDecision = (m: Measured) => (m.cpu ? (m.cpu.api * 1000) / m.result.perSecond : NaN);
  const other = rounds.flatMap((round) => round.map((m) => m.cpu?.other ?? NaN));
  const out = [
    `recordDecision over GraphQL at concurrency ${CONCURRENCY}, ${rounds.length} interleaved rounds (order rotated each round) of ` +
      `${DURATION_MS / 1000} s per configuration after ${WARMUP_MS / 1000} s of warm-up (${FIRST_WARMUP_MS / 1000} s once before the first) ` +
      `(PostgreSQL: ${embedded ? 'embedded' : 'server'}; ${process.env.REDIS_URL ? 'Redis, no worker: no process seals' : 'no Redis: one process also seals the ledger'}; ` +
      `load average ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after; other processes used ${median(other).toFixed(2)} cores ` +
      `in the median window, ${Math.min(...other).toFixed(2)}–${Math.max(...other).toFixed(2)}):`,
    '',
    '| configuration | decisions/s (median of rounds) | range over rounds | vs off, same round (median) | middle half of that ratio (quartiles) | API CPU per decision (median) | vs off, same round (median) | p50 ms (median) | p99 ms (median) | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [i, config] of CONFIGS.entries()) {
    const perSecond = column(i, throughput);
    const ratios = paired(i, throughput);
    const cpuRatios = paired(i, cpuPerDecision);
    out.push(
      `| ${config.name} | ${median(perSecond).toFixed(0)} | ${Math.min(...perSecond).toFixed(0)}–${Math.max(...perSecond).toFixed(0)} | ` +
        `${i === 0 ? '—' : change(median(ratios))} | ${i === 0 ? '—' : `${change(quantile(ratios, 0.25))} … ${change(quantile(ratios, 0.75))}`} | ` +
        `${median(column(i, cpuPerDecision)).toFixed(2)} ms | ${i === 0 ? '—' : change(median(cpuRatios))} | ` +
        `${median(column(i, (m) => m.result.p50)).toFixed(1)} | ${median(column(i, (m) => m.result.p99)).toFixed(1)} | ` +
        `${column(i, (m) => m.result.errors).reduce((a, b) => a + b, 0)} |`,
    );
  }
  const tenPercent = CONFIGS.findIndex((c) => c.name.includes('10 %'));
  const loss10 = 1 - median(paired(tenPercent, throughput));
  const slower = paired(tenPercent, throughput).filter((r) => r < 1).length;
  out.push(
    '',
    `Target: the 10 % sampler costs < ${TARGET_LOSS * 100} % of throughput (median of the per-round ratios): ` +
      `${loss10 < TARGET_LOSS ? 'met' : 'NOT met'} (${(loss10 * 100).toFixed(1)} %; slower than off in ${slower} of ${rounds.length} rounds).`,
    `The OTLP sink received ${sink.posts} exports, ${(sink.bytes / 1024).toFixed(0)} KiB. Total bench time: ${seconds.toFixed(0)} s.`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench(main);

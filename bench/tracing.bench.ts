/**
 * Tracing benchmark (issue 16): what OpenTelemetry tracing costs `recordDecision` at concurrency 8.
 * Four API processes on one database, measured in the same run, in alternating rounds so that a
 * change in the machine's load falls on all three alike:
 *   - off: no traces exporter (the default: nothing instrumented);
 *   - 0 %: every instrumentation on, nothing sampled (the hooks' own cost);
 *   - 10 %: every instrumentation on, OTEL_TRACES_SAMPLER=parentbased_traceidratio with 0.1,
 *     exported over OTLP/HTTP (the SDK's batch processor) to a sink in this process;
 *   - 100 %: the same, every trace kept.
 *   npm run build:bench && node dist/bench/tracing.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   REDIS_URL=redis://…  (wanted) no API process seals the ledger, so the four do the same work
 * Target (issue 16): the 10 % sampler costs < 5 % of throughput. Results go into docs/performance.md.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AttestProcess } from './support/attest-process';
import { benchDatabase } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { decisionPayload, registerAutomation } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { CpuMeter } from './support/cpu-meter';
import { closedLoop, type LoadResult } from './support/load';
import { runBench } from './support/run-bench';

const CONCURRENCY = 8;
const ROUNDS = 3;
const WARMUP_MS = 2_000;
const DURATION_MS = 6_000;
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

    const results: LoadResult[][] = CONFIGS.map(() => []);
    /** The API process's CPU per decision (ms): less sensitive than throughput to a machine shared with other work. */
    const cpuMs: number[][] = CONFIGS.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, config] of CONFIGS.entries()) {
        const client = new GraphQLClient(apis[i].port!, target.serviceKey, CONCURRENCY);
        const meter = CpuMeter.available() ? new CpuMeter(apis[i].pid, db.name) : undefined;
        const result = await closedLoop({
          concurrency: CONCURRENCY,
          warmupMs: WARMUP_MS,
          durationMs: DURATION_MS,
          onWindowStart: () => meter?.begin(),
          onWindowEnd: () => meter?.end(),
          op: async () => {
            const text = await client.post(recordBody());
            if (!text.includes('"status":"RECORDED"') || text.includes('"errors"'))
              throw new Error(`Unexpected answer: ${text.slice(0, 300)}`);
          },
        });
        client.close();
        if (!apis[i].alive) throw new Error(`The API (${config.name}) died:\n${apis[i].stderr.slice(-3000)}${apis[i].stdout.slice(-2000)}`);
        results[i].push(result);
        const cpu = meter?.use();
        if (cpu) cpuMs[i].push((cpu.api * 1000) / result.perSecond);
        process.stderr.write(
          `  round ${round} ${config.name}: ${result.perSecond.toFixed(0)}/s p99 ${result.p99.toFixed(1)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}\n`,
        );
      }
    }
    print(results, cpuMs, sink.received(), db.embedded, (Date.now() - startedAt) / 1000);
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
    sink.server.close();
    await db.drop();
  }
}

function print(
  results: LoadResult[][],
  cpuMs: number[][],
  sink: { posts: number; bytes: number },
  embedded: boolean,
  seconds: number,
): void {
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const perSecond = results.map((rounds) => sum(rounds.map((r) => r.requests)) / ((rounds.length * DURATION_MS) / 1000));
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const out = [
    `recordDecision over GraphQL at concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds of ${DURATION_MS / 1000} s per configuration ` +
      `(PostgreSQL: ${embedded ? 'embedded' : 'server'}; ${process.env.REDIS_URL ? 'Redis, no worker: no process seals' : 'no Redis: one process also seals the ledger'}):`,
    '',
    '| configuration | decisions/s | vs off | API CPU per decision (median of rounds) | vs off | p50 ms (median of rounds) | p99 ms (median of rounds) | errors |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [i, config] of CONFIGS.entries()) {
    const change = (ratio: number) => (i === 0 ? '—' : `${ratio >= 0 ? '+' : '−'}${(Math.abs(ratio) * 100).toFixed(1)} %`);
    const cpu = cpuMs[i].length ? median(cpuMs[i]) : NaN;
    const cpuOff = cpuMs[0].length ? median(cpuMs[0]) : NaN;
    out.push(
      `| ${config.name} | ${perSecond[i].toFixed(0)} | ${change(perSecond[i] / perSecond[0] - 1)} | ${cpu.toFixed(2)} ms | ${change(cpu / cpuOff - 1)} | ` +
        `${median(results[i].map((r) => r.p50)).toFixed(1)} | ${median(results[i].map((r) => r.p99)).toFixed(1)} | ${sum(results[i].map((r) => r.errors))} |`,
    );
  }
  const loss10 = 1 - perSecond[CONFIGS.findIndex((c) => c.name.includes('10 %'))] / perSecond[0];
  out.push(
    '',
    `Target: the 10 % sampler costs < ${TARGET_LOSS * 100} % of throughput: ${loss10 < TARGET_LOSS ? 'met' : 'NOT met'} (${(loss10 * 100).toFixed(1)} %).`,
    `The OTLP sink received ${sink.posts} exports, ${(sink.bytes / 1024).toFixed(0)} KiB. Total bench time: ${seconds.toFixed(0)} s.`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench(main);

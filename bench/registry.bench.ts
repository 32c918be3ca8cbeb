/**
 * Registry benchmark: what Attest's write and read paths cost beside raw PostgreSQL in the same run.
 *   npm run bench                       (embedded PostgreSQL in a temp folder)
 *   DATABASE_URL=postgres://… npm run bench   (a fresh database on that server, dropped afterwards)
 * Prints a Markdown table; the numbers of a run go into docs/performance.md.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@attest/core';
import { createApp } from '@attest/platform';
import { benchDatabase } from './support/bench-database';
import { runBench } from './support/run-bench';
import { UNLIMITED_RATES } from './support/bench-env';

const WRITES = 500;
const READS = 200;
const CONCURRENCY = 8;

interface Result {
  name: string;
  opsPerSecond?: number;
  p50?: number;
  p99?: number;
}

async function main(): Promise<void> {
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { url } = db;
  const cleanup = () => db.drop();
  const key = randomBytes(24).toString('hex');
  const config = loadConfig({
    DATABASE_URL: url,
    ATTEST_BOOTSTRAP_API_KEY: key,
    ATTEST_LOG_LEVEL: 'warn',
    ATTEST_GRAPHQL_MAX_COMPLEXITY: '100000',
    ...UNLIMITED_RATES,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const endpoint = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[]; data?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const raw = new Client({ connectionString: url });
  await raw.connect();
  await raw.query(
    'CREATE TABLE bench_models (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text UNIQUE, description text, created_at timestamptz DEFAULT now())',
  );
  const rawPool = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );

  const results: Result[] = [];
  let n = 0;
  results.push(
    await throughput('raw pg INSERT, 1 connection', WRITES, 1, () =>
      raw.query('INSERT INTO bench_models (name, description) VALUES ($1, $2)', [`raw-${n++}`, 'd']),
    ),
  );
  results.push(
    await throughput('registerModel over GraphQL, 1 client', WRITES, 1, () =>
      gql('mutation($n: String!) { registerModel(input: { name: $n, description: "d" }) { id } }', { n: `m-${n++}` }),
    ),
  );
  results.push(
    await throughput(`raw pg INSERT, ${CONCURRENCY} connections`, WRITES, CONCURRENCY, (i) =>
      rawPool[i].query('INSERT INTO bench_models (name, description) VALUES ($1, $2)', [`raw-${n++}`, 'd']),
    ),
  );
  results.push(
    await throughput(`registerModel over GraphQL, ${CONCURRENCY} clients`, WRITES, CONCURRENCY, () =>
      gql('mutation($n: String!) { registerModel(input: { name: $n, description: "d" }) { id } }', { n: `m-${n++}` }),
    ),
  );

  const nested = '{ models(first: 50) { edges { node { id name owner { name } versions { id status trainingDatasets { id } } } } } }';
  results.push(
    await latency('raw pg SELECT of 50 rows', READS, () => raw.query('SELECT * FROM bench_models ORDER BY created_at DESC LIMIT 50')),
  );
  results.push(await latency('models(first: 50) with owner and versions over GraphQL', READS, () => gql(nested)));

  print(results);
  for (const c of [raw, ...rawPool]) await c.end();
  await app.close();
  await cleanup();
}

async function throughput(name: string, total: number, concurrency: number, op: (worker: number) => Promise<unknown>): Promise<Result> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        next += 1;
        await op(worker);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, opsPerSecond: total / seconds };
}

async function latency(name: string, total: number, op: () => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < 10; i++) await op(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < total; i++) {
    const started = process.hrtime.bigint();
    await op();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { name, p50: samples[Math.floor(total * 0.5)], p99: samples[Math.floor(total * 0.99)] };
}

function print(results: Result[]): void {
  const [rawOne, attestOne, rawMany, attestMany, rawRead, attestRead] = results;
  const ratio = (a?: number, b?: number) => (a && b ? `${((a / b) * 100).toFixed(0)}%` : '');
  const lines = [
    '| measurement | result | vs raw PostgreSQL |',
    '|---|---|---|',
    `| ${rawOne.name} | ${rawOne.opsPerSecond!.toFixed(0)} /s | baseline |`,
    `| ${attestOne.name} | ${attestOne.opsPerSecond!.toFixed(0)} /s | ${ratio(attestOne.opsPerSecond, rawOne.opsPerSecond)} |`,
    `| ${rawMany.name} | ${rawMany.opsPerSecond!.toFixed(0)} /s | baseline |`,
    `| ${attestMany.name} | ${attestMany.opsPerSecond!.toFixed(0)} /s | ${ratio(attestMany.opsPerSecond, rawMany.opsPerSecond)} |`,
    `| ${rawRead.name} | p50 ${rawRead.p50!.toFixed(2)} ms, p99 ${rawRead.p99!.toFixed(2)} ms | baseline |`,
    `| ${attestRead.name} | p50 ${attestRead.p50!.toFixed(2)} ms, p99 ${attestRead.p99!.toFixed(2)} ms | ${(attestRead.p50! / rawRead.p50!).toFixed(1)}× the p50 |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runBench(main);

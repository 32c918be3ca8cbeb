/**
 * Policy evaluation benchmark: the default pack's decision policies, compiled evaluator against
 * json-rules-engine (the oracle) on the same facts in the same run. Facts come from the pack's own
 * decision test cases, cycled. Run with `npm run bench`; results go into docs/performance.md.
 */
import { join } from 'node:path';
import { CompiledEvaluator, loadPackTests, loadPolicyPack, OracleEvaluator, packTestsDir } from '@attest/policy';
import { runBench } from './support/run-bench';

const COMPILED_RUNS = 200_000;
const ORACLE_RUNS = 5_000;

async function main(): Promise<void> {
  const dir = join(__dirname, '../../policies/default');
  const pack = loadPolicyPack(dir);
  const facts = loadPackTests(packTestsDir(dir), pack)
    .filter((c) => c.appliesTo === 'decision')
    .map((c) => c.facts);
  const compiled = new CompiledEvaluator(pack);
  const oracle = new OracleEvaluator(pack);

  const compiledTimes = measureSync(COMPILED_RUNS, (i) => compiled.evaluate('decision', facts[i % facts.length]));
  const oracleTimes = await measureAsync(ORACLE_RUNS, (i) => oracle.evaluate('decision', facts[i % facts.length]));
  const rows = [
    ['json-rules-engine (oracle)', oracleTimes],
    ['compiled evaluator', compiledTimes],
  ] as const;
  const decisionPolicies = pack.policies.filter((p) => p.appliesTo === 'decision').length;
  process.stdout.write(`default pack: ${decisionPolicies} decision policies, ${facts.length} fact sets cycled\n\n`);
  process.stdout.write('| evaluator | p50 | p99 | mean | vs json-rules-engine (p50) |\n|---|---|---|---|---|\n');
  for (const [name, times] of rows) {
    const s = stats(times);
    const speedup = stats(oracleTimes).p50 / s.p50;
    process.stdout.write(
      `| ${name} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.mean)} | ${name.startsWith('json') ? 'baseline' : `${speedup.toFixed(0)}× faster`} |\n`,
    );
  }
}

function measureSync(runs: number, op: (i: number) => unknown): number[] {
  for (let i = 0; i < 5_000; i++) op(i); // warm-up: let the JIT settle
  const times = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    op(i);
    times[i] = Number(process.hrtime.bigint() - started) / 1e3;
  }
  return times;
}

async function measureAsync(runs: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 200; i++) await op(i);
  const times = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await op(i);
    times[i] = Number(process.hrtime.bigint() - started) / 1e3;
  }
  return times;
}

function stats(micros: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...micros].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p99: sorted[Math.floor(sorted.length * 0.99)],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

const fmt = (micros: number) => `${micros.toFixed(micros < 10 ? 2 : 0)} µs`;

runBench(main);

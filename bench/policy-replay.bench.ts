/**
 * Replay benchmark (issue 6): 100,000 recorded decisions (BENCH_REPLAY_DECISIONS) from an export
 * file, re-evaluated under the base and the head of the default pack (its confidence threshold
 * raised), in the same run:
 * - the evaluators' own cost: both packs on every decision's facts, already parsed (the baseline);
 * - the replay through the library, reading and parsing the .jsonl file as it streams;
 * - `attest policy diff --base HEAD~1 --decisions file` end to end: a new node process, the packs
 *   read from git, the replay, the Markdown report.
 *   npm run build:bench && node dist/bench/policy-replay.bench.js      (also part of `npm run bench`)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompiledEvaluator, loadPolicyPack, resolveFacts, type PolicyPack } from '@attest/policy';
import { decisionsFromFile, replayDecisions } from '@attest/policy-review';
import { decisionRecords } from '@attest/policy-review/testing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const DECISIONS = Number(process.env.BENCH_REPLAY_DECISIONS ?? 100_000);
const THRESHOLD_POLICY = 'policies/default/high-risk-low-confidence-review.yaml';

/** A throwaway repository: the real policies as the base commit, the threshold raised (0.7 → 0.8) as the head. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attest-replay-bench-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  cpSync(join(REPO_ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  git('add', '.');
  git('commit', '-qm', 'base');
  const file = join(dir, THRESHOLD_POLICY);
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('value: 0.7 }', 'value: 0.8 }')
      .replace(/^version: (\d+)$/m, (_, v) => `version: ${Number(v) + 1}`),
  );
  git('commit', '-qam', 'head');
  return dir;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function main(): Promise<void> {
  const repo = repository();
  try {
    const file = join(repo, 'decisions.jsonl');
    const records = decisionRecords(DECISIONS);
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const base = loadPolicyPack(join(REPO_ROOT, 'policies/default'));
    const head: PolicyPack = loadPolicyPack(join(repo, 'policies/default'));

    // Baseline: the evaluators alone, on facts already parsed and resolved.
    const resolved = records.filter((r) => r.facts).map((r) => resolveFacts(r.facts!));
    const [before, after] = [new CompiledEvaluator(base), new CompiledEvaluator(head)];
    for (let i = 0; i < 5_000; i++) before.evaluateResolved('decision', resolved[i % resolved.length]); // warm-up
    let started = process.hrtime.bigint();
    for (const facts of resolved) {
      before.evaluateResolved('decision', facts);
      after.evaluateResolved('decision', facts);
    }
    const evaluators = seconds(started);

    started = process.hrtime.bigint();
    const [report] = await replayDecisions([{ base, head }], decisionsFromFile(file));
    const library = seconds(started);

    started = process.hrtime.bigint();
    const markdown = execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'dist/apps/cli/src/main.js'), 'policy', 'diff', '--base', 'HEAD~1', '--decisions', file, '--format', 'markdown'],
      {
        cwd: repo,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).toString();
    const cli = seconds(started);
    if (!markdown.includes(`${report.changed.toLocaleString('en-US')} of ${report.replayed.toLocaleString('en-US')}`)) {
      throw new Error("the CLI report does not show the library replay's counts");
    }

    const perDecision = (s: number) => `${((s / DECISIONS) * 1e6).toFixed(1)} µs`;
    process.stdout.write(
      [
        `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}. ${DECISIONS.toLocaleString('en-US')} decisions ` +
          `(${(statSync(file).size / 1e6).toFixed(1)} MB of .jsonl; ${report.withoutFacts.toLocaleString('en-US')} without facts), ` +
          `default pack (${base.policies.length} policies) against its threshold raised: ${report.changed.toLocaleString('en-US')} outcomes change.`,
        '',
        '| step | seconds | per decision | vs the evaluators alone |',
        '|---|---|---|---|',
        `| the compiled evaluator, base and head, on parsed facts (baseline) | ${evaluators.toFixed(2)} | ${perDecision(evaluators)} | 1.0× |`,
        `| replayDecisions from the .jsonl file (read, parse, resolve, evaluate twice, count) | ${library.toFixed(2)} | ${perDecision(library)} | ${(library / evaluators).toFixed(1)}× |`,
        `| \`attest policy diff --base HEAD~1 --decisions file\`, end to end (new process, git, report) | ${cli.toFixed(2)} | ${perDecision(cli)} | ${(cli / evaluators).toFixed(1)}× |`,
        '',
        `Target (issue 6): replay of 100,000 decisions under two packs < 10 s end to end — ${cli < 10 ? 'MET' : 'NOT MET'} (${cli.toFixed(1)} s).`,
      ].join('\n') + '\n',
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

runBench(main);

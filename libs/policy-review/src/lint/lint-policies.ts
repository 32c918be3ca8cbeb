import { basename, relative, resolve } from 'node:path';
import {
  loadPackTests,
  loadPolicyPack,
  packFolders,
  packTestsDir,
  PolicyPackError,
  type PackTestCase,
  type PolicyPack,
} from '@attest/policy';
import type { Finding } from '../report/check-report';
import { frameworkFindings, loadProblemFindings, untestedFindings, versionFindings } from './lint-rules';

export interface LintOptions {
  /** The same packs at the base git ref, for version checks; matched by pack name. */
  base?: PolicyPack[];
  /** What file paths in findings are relative to (default: the process's). */
  cwd?: string;
}

export interface LintedPack {
  name: string;
  /** Relative to cwd. */
  dir: string;
  /** 0 when the pack does not load. */
  policies: number;
}

export interface LintResult {
  packs: LintedPack[];
  /** Ordered by file, line, then rule id; findings without a location come first. */
  findings: Finding[];
}

/** Lints every pack under `root` (a policies folder, or one pack folder), as `attest policy test` finds them. */
export function lintPolicies(root: string, options: LintOptions = {}): LintResult {
  const cwd = options.cwd ?? process.cwd();
  const packs: LintedPack[] = [];
  const findings: Finding[] = [];
  for (const dir of packFolders(resolve(cwd, root))) {
    const linted = lintPack(dir, cwd, options.base);
    packs.push({ name: basename(dir), dir: relative(cwd, dir) || dir, policies: linted.pack?.policies.length ?? 0 });
    findings.push(...linted.findings);
  }
  return { packs, findings: findings.sort(byLocationThenRule) };
}

function lintPack(dir: string, cwd: string, base: PolicyPack[] | undefined): { pack?: PolicyPack; findings: Finding[] } {
  const pack = loadOrProblems(() => loadPolicyPack(dir, cwd));
  if (pack instanceof PolicyPackError) return { findings: loadProblemFindings('invalid-pack', pack.problems) };
  const findings = frameworkFindings(pack, cwd);
  const basePack = base?.find((b) => b.name === pack.name);
  if (basePack) findings.push(...versionFindings(pack, basePack, cwd));
  const cases = loadOrProblems<PackTestCase[]>(() => loadPackTests(packTestsDir(dir), pack, cwd));
  if (cases instanceof PolicyPackError) findings.push(...loadProblemFindings('invalid-tests', cases.problems));
  else findings.push(...untestedFindings(pack, cases));
  return { pack, findings };
}

/** A pack problem is a finding; anything else (an unreadable root, a bug) still throws. */
function loadOrProblems<T>(load: () => T): T | PolicyPackError {
  try {
    return load();
  } catch (error) {
    if (error instanceof PolicyPackError) return error;
    throw error;
  }
}

function byLocationThenRule(a: Finding, b: Finding): number {
  const key = (f: Finding): [string, number, string] => [f.location?.file ?? '', f.location?.line ?? 0, f.ruleId];
  const [fa, la, ra] = key(a);
  const [fb, lb, rb] = key(b);
  return fa !== fb ? (fa < fb ? -1 : 1) : la !== lb ? la - lb : ra < rb ? -1 : ra > rb ? 1 : 0;
}

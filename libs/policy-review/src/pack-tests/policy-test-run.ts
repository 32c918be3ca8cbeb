import { relative } from 'node:path';
import {
  CompiledEvaluator,
  loadPackTests,
  loadPolicyPack,
  packFolders,
  packTestsDir,
  runPackTests,
  uncoveredPolicies,
  type PackTestResult,
} from '@attest/policy';
import { conditionCoverage, type UncoveredCondition } from '../coverage/condition-coverage';

/** One pack's test run: its cases' results and what no case exercises. */
export interface PackTestRun {
  name: string;
  dir: string;
  digest: string;
  policies: number;
  results: PackTestResult[];
  /** Where each policy is written (`file:line`), to point a failure at the policies it is about. */
  sources: Record<string, string>;
  /** Policies the cases do not pin down from both sides (expected to match, and expected not to). */
  uncoveredPolicies: { id: string; source: string }[];
  uncoveredConditions: UncoveredCondition[];
}

export interface PolicyTestRun {
  packs: PackTestRun[];
  passed: number;
  failed: number;
}

/** Runs every pack's tests under `root` (a policies folder or one pack); an invalid pack or test file throws PolicyPackError. */
export function runPolicyTests(root: string, cwd = process.cwd()): PolicyTestRun {
  const packs = packFolders(root).map((dir): PackTestRun => {
    const pack = loadPolicyPack(dir, cwd);
    const cases = loadPackTests(packTestsDir(dir), pack, cwd);
    return {
      name: pack.name,
      dir: relative(cwd, dir) || dir,
      digest: pack.digest,
      policies: pack.policies.length,
      results: runPackTests(new CompiledEvaluator(pack), cases),
      sources: pack.sources,
      uncoveredPolicies: uncoveredPolicies(pack, cases).map((id) => ({ id, source: pack.sources[id] })),
      uncoveredConditions: conditionCoverage(pack, cases),
    };
  });
  const failed = packs.reduce((n, p) => n + p.results.filter((r) => !r.passed).length, 0);
  const total = packs.reduce((n, p) => n + p.results.length, 0);
  return { packs, passed: total - failed, failed };
}

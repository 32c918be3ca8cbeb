// The evaluator's own compiler, so that coverage evaluates exactly as the evaluator does.
import {
  compileCondition, PolicyFactsError, referencedFacts, resolveFacts, withReferenced, type AppliesTo, type PackTestCase, type PolicyPack, type ResolvedFacts,
} from '@attest/policy';
import type { SourceLocation } from '../report/check-report';
import { conditionNodes } from './condition-nodes';
import { PolicyYaml } from './policy-yaml';
import { parseFileLine } from './source-location';

/** What no test case did to a node: make it true, make it false, or judge its subject at all. */
export type CoverageGap = 'true' | 'false' | 'evaluated';

export interface UncoveredCondition {
  policyId: string;
  /** A path into the policy's YAML, e.g. `conditions.all[1]`; `conditions` is the whole policy. */
  path: string;
  never: CoverageGap;
  location: SourceLocation;
}

/**
 * Which policies and conditions no test exercises. Every node (leaves and all/any/not groups) is
 * evaluated on its own for every case of the policy's subject, so a short-circuit never hides one.
 * Without any such case, every node of the policy is reported as never evaluated. Cases whose facts
 * do not resolve are skipped (the test run reports them). Ordered by policy id, then document order.
 * `cwd` is the folder the pack was loaded from (its sources are relative to it).
 */
export function conditionCoverage(pack: PolicyPack, cases: readonly PackTestCase[], cwd = process.cwd()): UncoveredCondition[] {
  const factsBySubject = resolvedFactsBySubject(pack, cases);
  const policies = [...pack.policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return policies.flatMap((policy) => {
    const source = pack.sources[policy.id];
    const yaml = PolicyYaml.read(source, cwd);
    const policyLocation = parseFileLine(source ?? '').location ?? { file: source ?? '', line: 1 };
    const facts = factsBySubject.get(policy.appliesTo) ?? [];
    return conditionNodes(policy.conditions, yaml?.root.get('conditions', true)).flatMap((node) => {
      const test = compileCondition(node.condition);
      const never = coverageGap(facts.map((f) => test(f)));
      if (!never) return [];
      const location = yaml && node.yaml ? yaml.locationOf(node.yaml) : policyLocation;
      return [{ policyId: policy.id, path: node.path, never, location }];
    });
  });
}

function coverageGap(outcomes: boolean[]): CoverageGap | undefined {
  if (outcomes.length === 0) return 'evaluated';
  if (!outcomes.includes(true)) return 'true';
  if (!outcomes.includes(false)) return 'false';
  return undefined;
}

/** Each case's facts as the evaluator sees them: resolved, with referenced-but-absent facts null. */
function resolvedFactsBySubject(pack: PolicyPack, cases: readonly PackTestCase[]): Map<AppliesTo, ResolvedFacts[]> {
  const referenced = referencedFacts(pack);
  const bySubject = new Map<AppliesTo, ResolvedFacts[]>();
  for (const testCase of cases) {
    let resolved: ResolvedFacts;
    try {
      resolved = resolveFacts(testCase.facts);
    } catch (error) {
      if (error instanceof PolicyFactsError) continue;
      throw error;
    }
    bySubject.set(testCase.appliesTo, [...(bySubject.get(testCase.appliesTo) ?? []), withReferenced(resolved, referenced)]);
  }
  return bySubject;
}

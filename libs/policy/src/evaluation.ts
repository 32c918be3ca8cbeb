import type { ResolvedFacts } from './fact-catalogue';
import type { AppliesTo, Condition, Policy, PolicyOutcome, PolicyPack } from './policy.types';

/** What both evaluators offer; the compiled one answers synchronously, the oracle with a promise. */
export interface PolicyEvaluator<R = PolicyOutcome> {
  readonly pack: PolicyPack;
  /** `facts` has the nested shape of the fact catalogue; unknown or ill-typed facts throw PolicyFactsError. */
  evaluate(appliesTo: AppliesTo, facts: Record<string, unknown>): R;
  evaluateResolved(appliesTo: AppliesTo, facts: ResolvedFacts): R;
}

/** The pack's policies grouped by the subject they judge, each group in id order. */
export function groupByAppliesTo(pack: PolicyPack): Map<AppliesTo, Policy[]> {
  const groups = new Map<AppliesTo, Policy[]>();
  for (const policy of pack.policies) groups.set(policy.appliesTo, [...(groups.get(policy.appliesTo) ?? []), policy]);
  return groups;
}

/** Every fact name the pack's conditions read, as the condition or as a `{ fact }` value. */
export function referencedFacts(pack: Pick<PolicyPack, 'policies'>): string[] {
  const names = new Set<string>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else {
      names.add(c.fact);
      const value = c.value as { fact?: unknown } | null;
      if (typeof value?.fact === 'string') names.add(value.fact);
    }
  };
  pack.policies.forEach((p) => visit(p.conditions));
  return [...names].sort();
}

/** Referenced `context.*` facts the caller left out become null, like every other absent fact. */
export function withReferenced(facts: ResolvedFacts, names: readonly string[]): ResolvedFacts {
  const missing = names.filter((n) => !(n in facts));
  return missing.length === 0 ? facts : { ...facts, ...Object.fromEntries(missing.map((n) => [n, null])) };
}

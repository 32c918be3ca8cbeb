import { combineEffects } from './combine-effects';
import { groupByAppliesTo, referencedFacts, withReferenced, type PolicyEvaluator } from './evaluation';
import { resolveFacts, type ResolvedFacts } from './fact-catalogue';
import { OPERATOR_FUNCTIONS } from './operators';
import type { AppliesTo, Condition, FactReference, Policy, PolicyOutcome, PolicyPack } from './policy.types';

type Predicate = (facts: ResolvedFacts) => boolean;
type Reader = (facts: ResolvedFacts) => unknown;

/**
 * Compiles each policy's conditions once into closures and evaluates synchronously. It must agree
 * with the json-rules-engine oracle on every input (compiled-evaluator.spec.ts checks that).
 */
export class CompiledEvaluator implements PolicyEvaluator {
  private readonly rules = new Map<AppliesTo, { policy: Policy; test: Predicate }[]>();
  private readonly referenced: string[];

  constructor(readonly pack: PolicyPack) {
    for (const [appliesTo, policies] of groupByAppliesTo(pack)) {
      this.rules.set(
        appliesTo,
        policies.map((policy) => ({ policy, test: compileCondition(policy.conditions) })),
      );
    }
    this.referenced = referencedFacts(pack);
  }

  evaluate(appliesTo: AppliesTo, facts: Record<string, unknown>): PolicyOutcome {
    return this.evaluateResolved(appliesTo, resolveFacts(facts));
  }

  evaluateResolved(appliesTo: AppliesTo, resolved: ResolvedFacts): PolicyOutcome {
    const facts = withReferenced(resolved, this.referenced);
    return combineEffects((this.rules.get(appliesTo) ?? []).filter((r) => r.test(facts)).map((r) => r.policy));
  }
}

export function compileCondition(condition: Condition): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (facts) => parts.every((p) => p(facts));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (facts) => parts.some((p) => p(facts));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  const operator = OPERATOR_FUNCTIONS[condition.operator];
  const left = factReader(condition);
  const value = condition.value as FactReference | null;
  const right: Reader = typeof value === 'object' && value !== null && 'fact' in value ? factReader(value) : () => value;
  return (facts) => operator(left(facts), right(facts));
}

/** Like json-rules-engine: a path applies only to an object fact; any other value is returned as is. */
function factReader({ fact, path }: FactReference): Reader {
  if (!path) return (facts) => facts[fact];
  const keys = path.slice(2).split('.');
  return (facts) => {
    const root = facts[fact];
    if (typeof root !== 'object' || root === null) return root;
    return keys.reduce<unknown>((node, key) => (hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), root);
  };
}

/** JSONPath's own-property rule, including on strings and lists boxed as objects. */
const hasOwn = (node: unknown, key: string) => node != null && Object.prototype.hasOwnProperty.call(Object(node), key);

import { Engine } from 'json-rules-engine';
import { combineEffects } from './combine-effects';
import { groupByAppliesTo, referencedFacts, withReferenced, type PolicyEvaluator } from './evaluation';
import { resolveFacts, type ResolvedFacts } from './fact-catalogue';
import type { AppliesTo, Policy, PolicyOutcome, PolicyPack } from './policy.types';

/**
 * The reference semantics: json-rules-engine itself, one Engine per appliesTo built once. Facts are
 * almanac facts under their dotted names (`automation.riskClass`); `path` is the engine's JSONPath.
 * Slower and asynchronous; used to check the compiled evaluator and to explain a result if in doubt.
 */
export class OracleEvaluator implements PolicyEvaluator<Promise<PolicyOutcome>> {
  private readonly engines = new Map<AppliesTo, { engine: Engine; policies: Map<string, Policy> }>();
  private readonly referenced: string[];

  constructor(readonly pack: PolicyPack) {
    for (const [appliesTo, policies] of groupByAppliesTo(pack)) {
      const rules = policies.map((p) => ({ name: p.id, conditions: structuredClone(p.conditions), event: { type: p.id } }));
      const engine = new Engine(rules, { allowUndefinedFacts: true });
      this.engines.set(appliesTo, { engine, policies: new Map(policies.map((p) => [p.id, p])) });
    }
    this.referenced = referencedFacts(pack);
  }

  evaluate(appliesTo: AppliesTo, facts: Record<string, unknown>): Promise<PolicyOutcome> {
    return this.evaluateResolved(appliesTo, resolveFacts(facts));
  }

  async evaluateResolved(appliesTo: AppliesTo, resolved: ResolvedFacts): Promise<PolicyOutcome> {
    const entry = this.engines.get(appliesTo);
    if (!entry) return combineEffects([]);
    const { results } = await entry.engine.run(withReferenced(resolved, this.referenced));
    return combineEffects(results.map((r) => entry.policies.get(r.name)!));
  }
}

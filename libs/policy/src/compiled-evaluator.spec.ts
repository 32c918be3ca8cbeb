import { join } from 'node:path';
import { compileCondition, CompiledEvaluator } from './compiled-evaluator';
import { FACT_CATALOGUE, PII_CLASSES, resolveFacts, type FactDefinition, type ResolvedFacts } from './fact-catalogue';
import { OracleEvaluator } from './oracle-evaluator';
import { packDigest } from './pack-digest';
import { loadPolicyPack } from './pack-loader';
import { APPLIES_TO, EFFECTS, OPERATORS, SEVERITIES, type Condition, type Policy, type PolicyPack } from './policy.types';
import { Random } from './testing/random';

const DEFAULT_PACK = join(__dirname, '../../../policies/default');
const NAMES = ['', 'alice', 'bob', 'employment', 'credit', 'marketing', 'Triage'];
const NUMBERS = [-1, 0, 0.5, 0.69, 0.7, 0.71, 0.75, 0.8, 1, 2, 3, 4, 5, 99];

/** Type-valid caller facts, biased towards the values the default pack tests, so every policy fires. */
function randomFacts(r: Random): Record<string, unknown> {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const def of FACT_CATALOGUE.filter((d) => !d.derived && r.chance(0.75))) {
    const [head, ...rest] = def.name.split('.');
    const target = rest.length === 2 ? (((facts[head] ??= {})[rest[0]] ??= {}) as Record<string, unknown>) : (facts[head] ??= {});
    const key = rest.length === 0 ? '__self' : rest[rest.length - 1];
    target[key] = r.chance(0.1) ? null : randomValueOf(def, r);
  }
  const { __self: datasets, ...datasetRest } = facts.datasetVersions ?? {};
  const { __self: context } = facts.context ?? {};
  return { ...facts, datasetVersions: datasets ?? null, context: context ?? null, ...datasetRest };
}

function randomValueOf(def: FactDefinition, r: Random): unknown {
  if (def.name === 'decision.id') return `dec-${r.int(60)}`;
  if (/(By|actorId|principal\.id)$/.test(def.name)) return r.pick(['alice', 'bob']); // so self-approval happens
  switch (def.type) {
    case 'string':
      return def.values ? r.pick(def.values) : r.pick(NAMES);
    case 'number':
      return r.pick(NUMBERS);
    case 'string[]':
      return r.subset(['admin', 'compliance', 'engineer']);
    case 'object':
      return Object.fromEntries(r.subset(['accuracy', 'f1', 'auc']).map((k) => [k, randomJson(r)]));
    case 'dataset[]':
      return r.times(3, () => ({ piiClasses: r.subset(PII_CLASSES), provenance: r.pick([null, '', 'consent-register']) }));
    default:
      return randomJson(r);
  }
}

/** Any JSON value, including the awkward ones (numeric strings, nested lists) operators must agree on. */
function randomJson(r: Random, depth = 0): unknown {
  const scalars = [null, true, false, 0, 1, 0.5, 0.75, 0.9, -3, '', '0.7', 'abc', 'high', 'special_category'];
  if (depth > 1 || r.chance(0.7)) return r.pick(scalars);
  return r.chance(0.5) ? r.times(3, () => randomJson(r, depth + 1)) : { accuracy: randomJson(r, depth + 1), x: randomJson(r, depth + 1) };
}

/** Conditions the loader would partly reject, to compare operator semantics beyond what packs may say. */
function randomCondition(r: Random, facts: readonly string[], depth = 0): Condition {
  if (depth < 2 && r.chance(0.4)) {
    const kind = r.pick(['all', 'any', 'not'] as const);
    if (kind === 'not') return { not: randomCondition(r, facts, depth + 1) };
    const parts = Array.from({ length: 1 + r.int(3) }, () => randomCondition(r, facts, depth + 1));
    return kind === 'all' ? { all: parts } : { any: parts };
  }
  const operator = r.pick(OPERATORS);
  const listValue = operator === 'in' || operator === 'notIn';
  const value = listValue ? r.times(3, () => randomJson(r, 2)) : r.chance(0.2) ? { fact: r.pick(facts) } : randomJson(r, 2);
  const condition = { fact: r.pick(facts), operator, value } as Condition & { path?: string };
  if (r.chance(0.2)) condition.path = r.pick(['$.accuracy', '$.x', '$.x.accuracy']);
  return condition;
}

function randomPack(r: Random): PolicyPack {
  const facts = ['a', 'b', 'c', 'context.d'];
  const policies: Policy[] = Array.from({ length: 8 }, (_, i) => ({
    id: `p-${i}`,
    version: 1,
    description: 'random',
    appliesTo: r.pick(APPLIES_TO.slice(0, 2)),
    severity: r.pick(SEVERITIES),
    frameworks: ['EU-AI-Act:Art.14'],
    conditions: { all: [randomCondition(r, facts)] },
    effect: r.pick(EFFECTS),
    message: `policy ${i}`,
  }));
  return { name: 'random', policies, digest: packDigest(policies), sources: {} };
}

describe('CompiledEvaluator', () => {
  it('agrees with the json-rules-engine oracle on 2,500 random fact sets over the default pack', async () => {
    const pack = loadPolicyPack(DEFAULT_PACK);
    const compiled = new CompiledEvaluator(pack);
    const oracle = new OracleEvaluator(pack);
    const r = new Random(20260425);
    const seenMatches = new Set<string>();
    const seenEffects = new Set<string>();
    for (let i = 0; i < 2500; i++) {
      const appliesTo = r.pick(APPLIES_TO);
      const facts = randomFacts(r);
      const expected = await oracle.evaluate(appliesTo, facts);
      const actual = compiled.evaluate(appliesTo, facts);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(
          `case ${i} differs for ${appliesTo} ${JSON.stringify(facts)}:\n compiled ${JSON.stringify(actual)}\n oracle ${JSON.stringify(expected)}`,
        );
      }
      actual.matched.forEach((m) => seenMatches.add(m.id));
      seenEffects.add(actual.effect);
    }
    // The comparison only means something if the generator reaches every policy and effect.
    expect([...seenMatches].sort()).toEqual(pack.policies.map((p) => p.id));
    expect([...seenEffects].sort()).toEqual(['allow', 'annotate', 'deny', 'require_review']);
  });

  it('agrees with the oracle on random condition trees over arbitrary JSON facts (20 packs × 150 cases)', async () => {
    const r = new Random(7);
    let matches = 0;
    for (let p = 0; p < 20; p++) {
      const pack = randomPack(r);
      const compiled = new CompiledEvaluator(pack);
      const oracle = new OracleEvaluator(pack);
      for (let i = 0; i < 150; i++) {
        const facts: ResolvedFacts = { a: randomJson(r), b: randomJson(r), c: randomJson(r) };
        if (r.chance(0.7)) facts['context.d'] = randomJson(r);
        const appliesTo = r.pick(APPLIES_TO.slice(0, 2));
        const expected = await oracle.evaluateResolved(appliesTo, facts);
        const actual = compiled.evaluateResolved(appliesTo, facts);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          const policies = JSON.stringify(pack.policies.map((x) => x.conditions));
          throw new Error(`pack ${p} case ${i} differs for ${JSON.stringify(facts)} under ${policies}`);
        }
        matches += actual.matched.length;
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('evaluates synchronously and reads paths only inside object facts', () => {
    const test = compileCondition({ fact: 'm', path: '$.accuracy', operator: 'lessThan', value: 0.8 });
    expect(test({ m: { accuracy: 0.5 } })).toBe(true);
    expect(test({ m: { f1: 0.5 } })).toBe(false);
    expect(test({ m: 0.5 })).toBe(true); // json-rules-engine returns a non-object fact unchanged
  });

  it('treats absent facts as null', () => {
    const pack = loadPolicyPack(DEFAULT_PACK);
    const outcome = new CompiledEvaluator(pack).evaluate('automation.register', { automation: { domain: 'credit' } });
    expect(outcome.matched.map((m) => m.id)).toEqual(['annex-iii-domain-requires-high-risk']);
    expect(resolveFacts({})['automation.declaredRiskClass']).toBeNull();
  });
});

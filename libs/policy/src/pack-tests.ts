import { isSeq } from 'yaml';
import type { PolicyEvaluator } from './evaluation';
import { isPlainObject, resolveFacts } from './fact-catalogue';
import { PolicyFactsError, PolicyPackError } from './policy.errors';
import { APPLIES_TO, EFFECTS, type AppliesTo, type Effect, type PolicyOutcome, type PolicyPack } from './policy.types';
import { asMap, checkKeys, problem, readYamlFolder, YamlSource } from './yaml-source';

export interface PackTestCase {
  name: string;
  appliesTo: AppliesTo;
  facts: Record<string, unknown>;
  /** `matched` is compared as a set of policy ids. */
  expect: { effect: Effect; matched: string[] };
  /** `file:line` of the case. */
  source: string;
}

export interface PackTestResult {
  testCase: PackTestCase;
  passed: boolean;
  actual?: { effect: Effect; matched: string[] };
  /** Set when the facts are invalid (unknown or ill-typed). */
  error?: string;
}

const CASE_KEYS = ['name', 'appliesTo', 'facts', 'expect'];
const EXPECT_KEYS = ['effect', 'matched'];

/** Reads `tests/*.yaml` (each a top-level `cases:` list); problems, including unknown policy ids, throw together. */
export function loadPackTests(dir: string, pack: PolicyPack, cwd = process.cwd()): PackTestCase[] {
  const problems: string[] = [];
  const cases: PackTestCase[] = [];
  const files = readYamlFolder(dir, cwd, 'pack tests', problems);
  for (const { file, text } of files) cases.push(...parseTestFile(file, text, pack, problems));
  if (problems.length > 0) throw new PolicyPackError(problems, 'policy pack tests');
  return cases;
}

function parseTestFile(file: string, text: string, pack: PolicyPack, problems: string[]): PackTestCase[] {
  const src = YamlSource.parse(file, text, problems);
  const root = asMap(src?.doc.contents);
  if (!src || !root) {
    if (src) problems.push(problem(src.at(src.doc.contents), 'cases', 'expected a top-level "cases:" list'));
    return [];
  }
  checkKeys(src, root, ['cases'], '', problems);
  const list = root.get('cases', true);
  if (!isSeq(list) || list.items.length === 0) {
    problems.push(problem(src.atKey(root, 'cases'), 'cases', 'must be a non-empty list'));
    return [];
  }
  const ids = new Set(pack.policies.map((p) => p.id));
  const names = new Set<string>();
  const cases: PackTestCase[] = [];
  list.items.forEach((item, i) => {
    const map = asMap(item);
    const field = `cases[${i}]`;
    if (!map) return void problems.push(problem(src.at(item), field, 'expected a map with name, appliesTo, facts, expect'));
    const before = problems.length;
    const report = (key: string, message: string) => problems.push(problem(src.atKey(map, key), `${field}.${key}`, message));
    checkKeys(src, map, CASE_KEYS, field, problems);
    const raw = map.toJSON() as Record<string, unknown>;
    if (typeof raw.name !== 'string' || !raw.name.trim()) report('name', 'is required');
    else if (names.has(raw.name)) report('name', `"${raw.name}" is used twice in this file`);
    else names.add(raw.name);
    if (!APPLIES_TO.includes(raw.appliesTo as AppliesTo)) report('appliesTo', `must be one of ${APPLIES_TO.join(', ')}`);
    if (!isPlainObject(raw.facts)) report('facts', 'must be a map');
    else factProblems(raw.facts).forEach((p) => report('facts', p)); // a typo in a fact name must not pass as "absent
    const expectNode = asMap(map.get('expect', true));
    const expected = (expectNode?.toJSON() ?? {}) as Record<string, unknown>;
    if (!expectNode) report('expect', 'must be a map with effect and matched');
    else checkKeys(src, expectNode, EXPECT_KEYS, `${field}.expect`, problems);
    if (expectNode && !EFFECTS.includes(expected.effect as Effect)) report('expect', `effect must be one of ${EFFECTS.join(', ')}`);
    const matched = expected.matched ?? [];
    if (!Array.isArray(matched) || matched.some((id) => typeof id !== 'string')) report('expect', 'matched must be a list of policy ids');
    else for (const id of matched.filter((m) => !ids.has(m))) report('expect', `matched names unknown policy "${id}"`);
    if (problems.length > before) return;
    cases.push({
      name: raw.name as string,
      appliesTo: raw.appliesTo as AppliesTo,
      facts: raw.facts as Record<string, unknown>,
      expect: { effect: expected.effect as Effect, matched: [...(matched as string[])].sort() },
      source: src.at(map),
    });
  });
  return cases;
}

/** Runs every case with a synchronous evaluator (the compiled one). */
export function runPackTests(evaluator: PolicyEvaluator, cases: readonly PackTestCase[]): PackTestResult[] {
  return cases.map((testCase) => {
    let outcome: PolicyOutcome;
    try {
      outcome = evaluator.evaluate(testCase.appliesTo, testCase.facts);
    } catch (error) {
      return { testCase, passed: false, error: (error as Error).message };
    }
    const actual = { effect: outcome.effect, matched: outcome.matched.map((m) => m.id).sort() };
    const passed = actual.effect === testCase.expect.effect && actual.matched.join() === testCase.expect.matched.join();
    return { testCase, passed, actual };
  });
}

/** `file:line: name: expected …, got …` for a failed case. */
export function describeFailure({ testCase, actual, error }: PackTestResult): string {
  const show = (r: { effect: Effect; matched: string[] }) => `${r.effect} [${r.matched.join(', ')}]`;
  return `${testCase.source}: ${testCase.name}: expected ${show(testCase.expect)}, ${error ? `error: ${error}` : `got ${show(actual!)}`}`;
}

/**
 * Policies the cases do not pin down from both sides: never expected to match, or never expected
 * not to match in a case that judges the same subject.
 */
export function uncoveredPolicies(pack: PolicyPack, cases: readonly PackTestCase[]): string[] {
  return pack.policies
    .filter((p) => {
      const sameSubject = cases.filter((c) => c.appliesTo === p.appliesTo);
      return !sameSubject.some((c) => c.expect.matched.includes(p.id)) || sameSubject.every((c) => c.expect.matched.includes(p.id));
    })
    .map((p) => p.id);
}

/** What the fact catalogue says is wrong with a case's facts (unknown, ill-typed, or derived ones given). */
function factProblems(facts: Record<string, unknown>): string[] {
  try {
    resolveFacts(facts);
    return [];
  } catch (error) {
    if (error instanceof PolicyFactsError) return error.problems;
    throw error;
  }
}

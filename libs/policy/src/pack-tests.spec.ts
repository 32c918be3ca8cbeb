import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledEvaluator } from './compiled-evaluator';
import { OracleEvaluator } from './oracle-evaluator';
import { loadPolicyPack, packTestsDir } from './pack-loader';
import { describeFailure, loadPackTests, runPackTests, uncoveredPolicies } from './pack-tests';

const DEFAULT_PACK = join(__dirname, '../../../policies/default');

describe('default policy pack tests', () => {
  const pack = loadPolicyPack(DEFAULT_PACK);
  const cases = loadPackTests(packTestsDir(DEFAULT_PACK), pack);

  it('passes every case under the compiled evaluator', () => {
    const failures = runPackTests(new CompiledEvaluator(pack), cases)
      .filter((r) => !r.passed)
      .map(describeFailure);
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('passes every case under the json-rules-engine oracle', async () => {
    const oracle = new OracleEvaluator(pack);
    const failures: string[] = [];
    for (const c of cases) {
      const outcome = await oracle.evaluate(c.appliesTo, c.facts);
      const matched = outcome.matched.map((m) => m.id).sort();
      if (outcome.effect !== c.expect.effect || matched.join() !== c.expect.matched.join()) failures.push(`${c.source}: ${c.name}`);
    }
    expect(failures).toEqual([]);
  });

  it('pins every policy down with a matching and a non-matching case', () => {
    expect(uncoveredPolicies(pack, cases)).toEqual([]);
  });
});

describe('pack tests runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-pack-tests-'));
  mkdirSync(join(dir, 'tests'));
  writeFileSync(
    join(dir, 'dev-only.yaml'),
    [
      'id: dev-only',
      'version: 1',
      'description: d',
      'appliesTo: decision',
      'severity: low',
      'frameworks: [EU-AI-Act:Art.12]',
      'conditions: { all: [{ fact: automation.environment, operator: equal, value: dev }] }',
      'effect: annotate',
      'message: m',
    ].join('\n'),
  );
  const pack = loadPolicyPack(dir);

  it('reports a failed case with its file:line and both outcomes', () => {
    writeFileSync(
      join(dir, 'tests', 'cases.yaml'),
      [
        'cases:',
        '  - name: passes',
        '    appliesTo: decision',
        '    facts: { automation: { environment: dev } }',
        '    expect: { effect: annotate, matched: [dev-only] }',
        '  - name: fails',
        '    appliesTo: decision',
        '    facts: { automation: { environment: staging } }',
        '    expect: { effect: annotate, matched: [dev-only] }',
      ].join('\n'),
    );
    const results = runPackTests(new CompiledEvaluator(pack), loadPackTests(join(dir, 'tests'), pack, dir));
    expect(results.map((r) => r.passed)).toEqual([true, false]);
    expect(describeFailure(results[1])).toBe('tests/cases.yaml:6: fails: expected annotate [dev-only], got allow []');
  });

  it('refuses a case whose facts the catalogue does not know, at its facts line: a misspelt fact must not pass as absent', () => {
    writeFileSync(
      join(dir, 'tests', 'cases.yaml'),
      [
        'cases:',
        '  - name: bad facts',
        '    appliesTo: decision',
        '    facts: { automation: { environmnt: dev } }',
        '    expect: { effect: allow, matched: [] }',
      ].join('\n'),
    );
    expect(() => loadPackTests(join(dir, 'tests'), pack, dir)).toThrow(
      'tests/cases.yaml:4: cases[0].facts: automation.environmnt: not in the fact catalogue',
    );
  });

  it('rejects malformed cases and unknown policy ids, listing all of them', () => {
    writeFileSync(
      join(dir, 'tests', 'cases.yaml'),
      [
        'cases:',
        '  - name: one',
        '    appliesTo: decisions',
        '    facts: {}',
        '    expect: { effect: allow, matched: [no-such-policy] }',
        '    extra: 1',
      ].join('\n'),
    );
    expect(() => loadPackTests(join(dir, 'tests'), pack, dir)).toThrow(
      [
        'Invalid policy pack tests:',
        '  tests/cases.yaml:6: cases[0].extra: unknown field (known: name, appliesTo, facts, expect)',
        '  tests/cases.yaml:3: cases[0].appliesTo: must be one of decision, model.transition, automation.transition, automation.register, dataset.register',
        '  tests/cases.yaml:5: cases[0].expect: matched names unknown policy "no-such-policy"',
      ].join('\n'),
    );
  });
});

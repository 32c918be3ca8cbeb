import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FACT_CATALOGUE } from './fact-catalogue';
import { loadPolicyPack } from './pack-loader';
import { PolicyPackError } from './policy.errors';

const DEFAULT_PACK = join(__dirname, '../../../policies/default');

/** A valid policy file, with `overrides` replacing (or, when null, removing) top-level lines. */
function policyYaml(id: string, overrides: Record<string, string | null> = {}): string {
  const fields: Record<string, string | null> = {
    id,
    version: '1',
    description: 'Test policy',
    appliesTo: 'decision',
    severity: 'high',
    frameworks: '[EU-AI-Act:Art.14, NIST-AI-RMF:MANAGE-2.3]',
    conditions: '\n  all:\n    - { fact: decision.confidence, operator: lessThan, value: 0.5 }',
    effect: 'require_review',
    message: 'Review it',
    ...overrides,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

function packProblems(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'attest-pack-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    loadPolicyPack(dir, dir);
  } catch (error) {
    if (error instanceof PolicyPackError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadPolicyPack', () => {
  it('loads the default pack: at least 12 policies sorted by id, each mapped to frameworks', () => {
    const pack = loadPolicyPack(DEFAULT_PACK);
    expect(pack.name).toBe('default');
    expect(pack.policies.length).toBeGreaterThanOrEqual(12);
    expect(pack.policies.map((p) => p.id)).toEqual(pack.policies.map((p) => p.id).sort());
    expect(pack.policies.every((p) => p.frameworks.some((f) => f.startsWith('EU-AI-Act:')))).toBe(true);
    expect(pack.policies.every((p) => p.frameworks.some((f) => f.startsWith('NIST-AI-RMF:')))).toBe(true);
    expect(pack.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(pack.sources['no-self-approval']).toMatch(/policies\/default\/no-self-approval\.yaml:2$/);
  });

  it('accepts a valid policy as written', () => {
    expect(packProblems({ 'a.yaml': policyYaml('a') })).toEqual([]);
  });

  it('reports problems of every file with file:line: field, and loads nothing', () => {
    const problems = packProblems({
      'bad-fields.yaml': policyYaml('bad-fields', {
        version: '0',
        appliesTo: 'decisions',
        severity: 'urgent',
        effect: 'block',
        frameworks: '[EU-AI-Act:Art.14, ISO 42001]',
        owner: 'me',
        message: null,
      }),
      'Bad_Id.yaml': policyYaml('Bad_Id'),
      'other-name.yaml': policyYaml('not-the-file-name'),
      'syntax.yaml': 'id: [unclosed',
    });
    expect(problems).toEqual([
      'Bad_Id.yaml:1: id: must be kebab-case (lowercase letters, digits and dashes)',
      'bad-fields.yaml:11: owner: unknown field (known: id, version, description, appliesTo, severity, frameworks, conditions, effect, message)',
      'bad-fields.yaml:1: message: is required',
      'bad-fields.yaml:2: version: must be a positive integer',
      'bad-fields.yaml:4: appliesTo: unknown value "decisions" (known: decision, model.transition, automation.transition, automation.register, dataset.register)',
      'bad-fields.yaml:5: severity: unknown value "urgent" (known: low, medium, high, critical)',
      'bad-fields.yaml:10: effect: unknown value "block" (known: deny, require_review, annotate, allow)',
      'bad-fields.yaml:6: frameworks[1]: "ISO 42001" must look like <framework>:<ref>, e.g. EU-AI-Act:Art.14',
      'other-name.yaml:1: id: "not-the-file-name" must live in not-the-file-name.yaml',
      expect.stringMatching(/^syntax\.yaml:1: /),
    ]);
  });

  it('rejects a second policy with the same id', () => {
    const text = policyYaml('same');
    expect(packProblems({ 'same.yaml': text, 'same.yml': text })).toEqual(['same.yml:1: id: "same" is already defined at same.yaml:1']);
  });

  it('validates conditions: facts, operators, values, paths and their lines', () => {
    const conditions = [
      '',
      '  all:',
      '    - { fact: decision.confidance, operator: lessThan, value: 0.5 }',
      '    - { fact: decision.confidence, operator: lt, value: 0.5 }',
      '    - { fact: automation.riskClass, operator: equal, value: hihg }',
      '    - { fact: automation.riskClass, operator: greaterThan, value: 2 }',
      '    - { fact: automation.riskClass, operator: in, value: high }',
      '    - { fact: automation.purpose, operator: contains, value: x }',
      '    - { fact: automation.purpose, operator: equal, value: [a, b] }',
      '    - { fact: automation.purpose, path: $.x, operator: equal, value: a }',
      '    - { fact: modelVersion.metrics, path: "$..x", operator: equal, value: 1 }',
      '    - { fact: decision.confidence, operator: lessThan, value: { fact: nope } }',
      '    - { fact: decision.confidence, operator: lessThan, value: 0.5, priority: 1 }',
      '    - { fact: decision.confidence, operator: lessThan }',
      '    - any: []',
      '    - not: { fact: context.region, operator: equal, value: eu }',
      '    - { all: [{ fact: decision.confidence, operator: lessThan, value: 1 }], any: [] }',
    ].join('\n');
    expect(packProblems({ 'c.yaml': policyYaml('c', { conditions }) })).toEqual([
      'c.yaml:9: conditions.all[0].fact: unknown fact "decision.confidance" (see the fact catalogue in docs/policies.md)',
      'c.yaml:10: conditions.all[1].operator: unknown operator "lt" (known: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain)',
      'c.yaml:11: conditions.all[2].value: "hihg" is not a value of automation.riskClass (known: unacceptable, high, limited, minimal)',
      'c.yaml:12: conditions.all[3].operator: "greaterThan" needs a number fact, "automation.riskClass" is string',
      'c.yaml:13: conditions.all[4].value: "in" needs a literal list',
      'c.yaml:14: conditions.all[5].operator: "contains" needs a list fact, "automation.purpose" is string',
      'c.yaml:15: conditions.all[6].value: "equal" compares with a single value, not a list',
      'c.yaml:16: conditions.all[7].path: fact "automation.purpose" is not an object',
      'c.yaml:17: conditions.all[8].path: must look like $.name or $.name.sub',
      'c.yaml:18: conditions.all[9].value: an object value must be { fact, path? } naming a catalogue fact',
      'c.yaml:19: conditions.all[10].priority: unknown field (known: fact, operator, value, path)',
      'c.yaml:20: conditions.all[11].value: is required',
      'c.yaml:21: conditions.all[12].any: must be a non-empty list of conditions',
      'c.yaml:23: conditions.all[14]: "all" cannot be combined with other fields (all, any)',
    ]);
  });

  it('requires a boolean operator at the top of conditions', () => {
    const conditions = '{ fact: decision.confidence, operator: lessThan, value: 0.5 }';
    expect(packProblems({ 't.yaml': policyYaml('t', { conditions }) })).toEqual([
      't.yaml:7: conditions: the top level must be all, any or not',
    ]);
  });

  it('fails on an empty or missing folder', () => {
    expect(packProblems({})).toEqual([expect.stringMatching(/the pack has no policy files$/)]);
    expect(() => loadPolicyPack('/nonexistent/pack')).toThrow('the policy pack folder cannot be read');
  });
});

describe('docs/policies.md', () => {
  const docs = readFileSync(join(__dirname, '../../../docs/policies.md'), 'utf8');

  it('lists every fact of the catalogue and every policy of the default pack', () => {
    const missing = [...FACT_CATALOGUE.map((f) => f.name), ...loadPolicyPack(DEFAULT_PACK).policies.map((p) => p.id)].filter(
      (name) => !docs.includes(`| \`${name}\` |`),
    );
    expect(missing).toEqual([]);
  });
});

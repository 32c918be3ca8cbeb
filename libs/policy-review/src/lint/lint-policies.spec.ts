import { join } from 'node:path';
import { loadPackTests, loadPolicyPack, packTestsDir, uncoveredPolicies } from '@attest/policy';
import { caseLines, policyLines, tempPoliciesRoot, writeTempPack } from '../coverage/testing/temp-pack';
import type { Finding } from '../report/check-report';
import { lintPolicies } from './lint-policies';
import { LINT_RULES, RECOGNISED_FRAMEWORKS } from './lint-rules';

const DEV_CASES = [
  'cases:',
  ...caseLines('a dev decision', '{ automation: { environment: dev } }', 'annotate', ['dev-only']),
  ...caseLines('a production decision', '{ automation: { environment: production } }', 'allow', []),
];

/** `file:line ruleId` of each finding, the shape most assertions here compare. */
const where = (findings: Finding[]) => findings.map((f) => `${f.location ? `${f.location.file}:${f.location.line}` : '-'} ${f.ruleId}`);
const ofRule = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('lintPolicies', () => {
  it('finds nothing in a valid pack tested from both sides, given the policies folder or the pack folder', () => {
    const root = tempPoliciesRoot();
    writeTempPack(root, 'pack', { policies: { 'dev-only.yaml': policyLines('dev-only') }, tests: { 'decisions.yaml': DEV_CASES } });
    const expected = { packs: [{ name: 'pack', dir: 'pack', policies: 1 }], findings: [] };
    expect(lintPolicies(root, { cwd: root })).toEqual(expected);
    expect(lintPolicies('pack', { cwd: root })).toEqual(expected);
  });

  it('lists its rules with stable ids, one level each', () => {
    expect(LINT_RULES.map((r) => `${r.id} ${r.level}`)).toEqual([
      'invalid-pack error',
      'invalid-tests error',
      'high-severity-without-framework error',
      'untested-policy warning',
      'version-not-raised error',
    ]);
    expect(RECOGNISED_FRAMEWORKS).toEqual(expect.arrayContaining(['EU-AI-Act', 'NIST-AI-RMF', 'GDPR']));
  });
});

describe('invalid-pack', () => {
  const root = tempPoliciesRoot();
  writeTempPack(root, 'pack', {
    policies: {
      'bad-value.yaml': policyLines('bad-value', { severity: 'severity: extreme' }),
      'duplicate-key.yaml': [...policyLines('duplicate-key'), 'severity: high'],
      'dup.yaml': policyLines('dup'),
      'dup.yml': policyLines('dup'),
      'missing.yaml': policyLines('missing', { message: '' }),
      'unclosed.yaml': policyLines('unclosed', { frameworks: 'frameworks: [EU-AI-Act:Art.12' }),
      'unknown-fact.yaml': policyLines('unknown-fact', {
        conditions: 'conditions: { all: [{ fact: automation.colour, operator: equal, value: red }] }',
      }),
      'unknown-field.yaml': policyLines('unknown-field', { owner: 'owner: team-a' }),
      'unknown-reference.yaml': policyLines('unknown-reference', {
        conditions: 'conditions: { all: [{ fact: automation.purpose, operator: equal, value: { fact: automation.nope } }] }',
      }),
    },
    tests: { 'decisions.yaml': DEV_CASES },
  });
  const result = lintPolicies(root, { cwd: root });

  it('reports every problem of a pack that does not load, each at its file and line, and nothing else', () => {
    expect(result.packs).toEqual([{ name: 'pack', dir: 'pack', policies: 0 }]);
    expect(where(result.findings)).toEqual([
      'pack/bad-value.yaml:5 invalid-pack',
      'pack/dup.yml:1 invalid-pack',
      'pack/duplicate-key.yaml:10 invalid-pack',
      'pack/missing.yaml:1 invalid-pack',
      'pack/unclosed.yaml:7 invalid-pack',
      'pack/unknown-fact.yaml:7 invalid-pack',
      'pack/unknown-field.yaml:10 invalid-pack',
      'pack/unknown-reference.yaml:7 invalid-pack',
    ]);
    expect(result.findings.every((f) => f.level === 'error')).toBe(true);
  });

  it('keeps the field and message of each problem', () => {
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^severity: unknown value "extreme"/),
      'id: "dup" is already defined at pack/dup.yaml:1',
      'Map keys must be unique',
      'message: is required',
      expect.stringMatching(/^Flow sequence/),
      expect.stringMatching(/^conditions\.all\[0\]\.fact: unknown fact "automation\.colour"/),
      expect.stringMatching(/^owner: unknown field/),
      expect.stringMatching(/^conditions\.all\[0\]\.value: an object value must be \{ fact, path\? \} naming a catalogue fact/),
    ]);
  });
});

describe('invalid-tests', () => {
  const root = tempPoliciesRoot();
  const policies = { 'dev-only.yaml': policyLines('dev-only') };
  writeTempPack(root, 'broken-tests', {
    policies,
    tests: {
      'a-syntax.yaml': ['cases:', '  - name: x', '    name: y'],
      'b-unknown-policy.yaml': ['cases:', ...caseLines('names a policy the pack lacks', '{}', 'deny', ['nope'])],
    },
  });
  writeTempPack(root, 'unknown-facts', {
    policies,
    tests: { 'decisions.yaml': [...DEV_CASES, ...caseLines('a misspelt fact', '{ automation: { enviroment: dev } }', 'allow', [])] },
  });
  writeTempPack(root, 'no-tests', { policies });
  const result = lintPolicies(root, { cwd: root });

  it('reports tests that do not load at their file and line, and the policy rules still run', () => {
    expect(where(result.findings.filter((f) => f.location?.file.startsWith('broken-tests/')))).toEqual([
      'broken-tests/tests/a-syntax.yaml:3 invalid-tests',
      'broken-tests/tests/b-unknown-policy.yaml:5 invalid-tests',
    ]);
    expect(ofRule(result.findings, 'invalid-tests').map((f) => f.message)).toContain(
      'cases[0].expect: matched names unknown policy "nope"',
    );
  });

  it('reports case facts outside the fact catalogue at their facts line', () => {
    expect(ofRule(result.findings, 'invalid-tests').filter((f) => f.location?.file.startsWith('unknown-facts/'))).toEqual([
      {
        ruleId: 'invalid-tests',
        level: 'error',
        message: 'cases[2].facts: automation.enviroment: not in the fact catalogue',
        location: { file: 'unknown-facts/tests/decisions.yaml', line: 12 },
      },
    ]);
  });

  it('does not count a pack without test files as invalid, only as untested', () => {
    const noTests = result.findings.filter((f) => f.location?.file.startsWith('no-tests/'));
    expect(noTests.map((f) => f.ruleId)).toEqual(['untested-policy']);
    expect(result.packs.map((p) => `${p.name}:${p.policies}`)).toEqual(['broken-tests:1', 'no-tests:1', 'unknown-facts:1']);
  });
});

describe('high-severity-without-framework', () => {
  const root = tempPoliciesRoot();
  writeTempPack(root, 'pack', {
    policies: {
      'critical-gdpr.yaml': policyLines('critical-gdpr', {
        severity: 'severity: critical',
        frameworks: 'frameworks: [Internal:7, GDPR:Art.9]',
      }),
      'high-internal.yaml': policyLines('high-internal', { severity: 'severity: high', frameworks: 'frameworks: [Internal-Policy:7]' }),
      'high-lowercase.yaml': policyLines('high-lowercase', { severity: 'severity: high', frameworks: 'frameworks: [eu-ai-act:Art.14]' }),
      'low-internal.yaml': policyLines('low-internal', { frameworks: 'frameworks: [Internal-Policy:7]' }),
      'medium-iso.yaml': policyLines('medium-iso', { severity: 'severity: medium', frameworks: 'frameworks: [ISO-IEC-42001:6.1]' }),
    },
  });
  const findings = ofRule(lintPolicies(root, { cwd: root }).findings, 'high-severity-without-framework');

  it('fires for high or critical policies citing no recognised framework only', () => {
    // At the frameworks: line, where the fix goes.
    expect(where(findings)).toEqual([
      'pack/high-internal.yaml:6 high-severity-without-framework',
      'pack/high-lowercase.yaml:6 high-severity-without-framework',
    ]);
    expect(findings[0].message).toMatch(
      /^"high-internal" is high severity but cites no recognised framework \(Internal-Policy:7; recognised: EU-AI-Act, /,
    );
  });
});

describe('untested-policy', () => {
  const root = tempPoliciesRoot();
  const dir = writeTempPack(root, 'pack', {
    policies: {
      'always.yaml': policyLines('always'),
      'both.yaml': policyLines('both'),
      'idle.yaml': policyLines('idle', { appliesTo: 'appliesTo: model.transition' }),
      'never.yaml': policyLines('never'),
    },
    tests: {
      'decisions.yaml': [
        'cases:',
        ...caseLines('all but never match', '{ automation: { environment: dev } }', 'annotate', ['always', 'both']),
        ...caseLines('only always matches', '{ automation: { environment: dev } }', 'annotate', ['always']),
      ],
    },
  });
  const findings = lintPolicies(root, { cwd: root }).findings;

  it('warns about each policy not pinned down from both sides, saying which side is missing', () => {
    expect(findings.map((f) => `${f.level} ${f.location?.file} ${f.message}`)).toEqual([
      'warning pack/always.yaml no decision test case expects "always" not to match',
      'warning pack/idle.yaml no model.transition test case expects "idle" to match or not to match',
      'warning pack/never.yaml no decision test case expects "never" to match',
    ]);
  });

  it('agrees with uncoveredPolicies', () => {
    const pack = loadPolicyPack(dir, root);
    const uncovered = uncoveredPolicies(pack, loadPackTests(packTestsDir(dir), pack, root));
    expect(findings.map((f) => f.message.match(/"(.+)"/)![1])).toEqual(uncovered);
  });
});

describe('version-not-raised', () => {
  const baseRoot = tempPoliciesRoot();
  const basePack = loadPolicyPack(
    writeTempPack(baseRoot, 'pack', {
      policies: {
        'changed.yaml': policyLines('changed'),
        'lowered.yaml': policyLines('lowered', { version: 'version: 2' }),
        'raised.yaml': policyLines('raised'),
        'reformatted.yaml': policyLines('reformatted'),
        'removed.yaml': policyLines('removed'),
      },
    }),
    baseRoot,
  );
  const otherBase = { ...basePack, name: 'other', policies: basePack.policies.map((p) => ({ ...p, version: 9 })) };
  const root = tempPoliciesRoot();
  writeTempPack(root, 'pack', {
    policies: {
      'added.yaml': policyLines('added'),
      'changed.yaml': ['# the message was reworded', ...policyLines('changed', { message: 'message: reworded' })],
      'lowered.yaml': policyLines('lowered'),
      'raised.yaml': policyLines('raised', { version: 'version: 2', effect: 'effect: deny' }),
      'reformatted.yaml': [
        '# comments, key order and flow or block style are not a change',
        ...policyLines('reformatted', {
          conditions: ['conditions:', '  all:', '    - fact: automation.environment', '      operator: equal', '      value: dev'].join(
            '\n',
          ),
        }).reverse(),
      ],
    },
  });
  const versionFindings = (base?: (typeof basePack)[]) => ofRule(lintPolicies(root, { cwd: root, base }).findings, 'version-not-raised');

  it('fires for a change without a higher version and for a lowered version, at the version line', () => {
    expect(versionFindings([otherBase, basePack])).toEqual([
      {
        ruleId: 'version-not-raised',
        level: 'error',
        message: '"changed" changed against the base but its version is still 1; raise it to 2',
        location: { file: 'pack/changed.yaml', line: 3 },
      },
      {
        ruleId: 'version-not-raised',
        level: 'error',
        message: '"lowered" version went down from 2 to 1',
        location: { file: 'pack/lowered.yaml', line: 2 },
      },
    ]);
  });

  it('does not run without a base pack of the same name', () => {
    expect(versionFindings()).toEqual([]);
    expect(versionFindings([otherBase])).toEqual([]);
  });
});

describe('finding order', () => {
  it('is by file, line, then rule id', () => {
    const root = tempPoliciesRoot();
    writeTempPack(root, 'pack', {
      policies: {
        'b.yaml': policyLines('b', { severity: 'severity: high', frameworks: 'frameworks: [Internal:1]' }),
        'a.yaml': ['# a comment first', ...policyLines('a', { severity: 'severity: high', frameworks: 'frameworks: [Internal:1]' })],
      },
    });
    expect(where(lintPolicies(root, { cwd: root }).findings)).toEqual([
      'pack/a.yaml:2 untested-policy',
      'pack/a.yaml:7 high-severity-without-framework',
      'pack/b.yaml:1 untested-policy',
      'pack/b.yaml:6 high-severity-without-framework',
    ]);
  });
});

describe('the default policies', () => {
  const repo = join(__dirname, '../../../..');
  const result = lintPolicies('policies', { cwd: repo });

  it('lint without errors', () => {
    expect(result.packs).toEqual([{ name: 'default', dir: 'policies/default', policies: 18 }]);
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('find no version change against themselves', () => {
    const pack = loadPolicyPack(join(repo, 'policies/default'), repo);
    expect(ofRule(lintPolicies('policies', { cwd: repo, base: [pack] }).findings, 'version-not-raised')).toEqual([]);
  });
});

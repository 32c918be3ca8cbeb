import { join } from 'node:path';
import { loadPackTests, loadPolicyPack, packTestsDir } from '@attest/policy';
import { caseLines, policyLines, tempPoliciesRoot, writeTempPack } from './testing/temp-pack';
import { conditionCoverage } from './condition-coverage';

describe('conditionCoverage', () => {
  const root = tempPoliciesRoot();
  const dir = writeTempPack(root, 'pack', {
    policies: {
      'review.yaml': policyLines('review', {
        // Lines 7 to 13 of the file.
        conditions: [
          'conditions:',
          '  all:',
          '    - { fact: automation.riskClass, operator: equal, value: high }',
          '    - any:',
          '        - { fact: decision.confidence, operator: lessThan, value: 0.1 }',
          '        - { fact: context.urgent, operator: equal, value: null }',
          '    - not: { fact: automation.environment, operator: equal, value: dev }',
        ].join('\n'),
      }),
      'idle.yaml': policyLines('idle', {
        appliesTo: 'appliesTo: model.transition',
        conditions: ['conditions:', '  not:', '    fact: transition.to', '    operator: equal', '    value: approved'].join('\n'),
      }),
    },
    tests: {
      'decisions.yaml': [
        'cases:',
        ...caseLines('high risk in production', '{ automation: { riskClass: high, environment: production }, decision: { confidence: 0.5 } }', 'annotate', ['review']),
        ...caseLines('minimal risk in dev', '{ automation: { riskClass: minimal, environment: dev }, decision: { confidence: 0.9 } }', 'allow', []),
      ],
    },
  });
  const pack = loadPolicyPack(dir, root);
  const cases = loadPackTests(packTestsDir(dir), pack, root);
  const uncovered = conditionCoverage(pack, cases, root);

  it('reports never-true and never-false nodes, short-circuited ones included, at their lines', () => {
    expect(uncovered.filter((u) => u.policyId === 'review')).toEqual([
      { policyId: 'review', path: 'conditions.all[1]', never: 'false', location: { file: 'pack/review.yaml', line: 10 } },
      { policyId: 'review', path: 'conditions.all[1].any[0]', never: 'true', location: { file: 'pack/review.yaml', line: 11 } },
      // context.urgent is never given: as a referenced fact it is null, so `equal: null` always holds.
      { policyId: 'review', path: 'conditions.all[1].any[1]', never: 'false', location: { file: 'pack/review.yaml', line: 12 } },
    ]);
  });

  it('reports every node of a policy whose subject no case judges as never evaluated, first in id order', () => {
    expect(uncovered.slice(0, 2)).toEqual([
      { policyId: 'idle', path: 'conditions', never: 'evaluated', location: { file: 'pack/idle.yaml', line: 8 } },
      { policyId: 'idle', path: 'conditions.not', never: 'evaluated', location: { file: 'pack/idle.yaml', line: 9 } },
    ]);
    expect(uncovered).toHaveLength(5);
  });

  it('falls back to the policy line when its file cannot be read again', () => {
    const elsewhere = conditionCoverage(pack, cases, join(root, 'nowhere'));
    expect(elsewhere.map((u) => u.location)).toEqual(Array(5).fill(expect.objectContaining({ line: 1 })));
  });
});

describe('conditionCoverage of the default pack', () => {
  const dir = join(__dirname, '../../../../policies/default');
  const pack = loadPolicyPack(dir);
  const uncovered = conditionCoverage(pack, loadPackTests(packTestsDir(dir), pack));

  it('runs, and every subject of the pack is judged by some case', () => {
    expect(uncovered.filter((u) => u.never === 'evaluated')).toEqual([]);
    for (const u of uncovered) {
      expect(u.location.file).toMatch(/^policies\/default\/[a-z0-9-]+\.yaml$/);
      expect(u.location.line).toBeGreaterThan(1);
    }
  });
});

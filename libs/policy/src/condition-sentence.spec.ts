import { join } from 'node:path';
import { conditionSentence, factSentence } from './condition-sentence';
import { loadPolicyPack } from './pack-loader';

describe('conditions as sentences', () => {
  it('reads a policy of the default pack as a sentence', () => {
    const pack = loadPolicyPack(join(__dirname, '../../../policies/default'));
    const policy = pack.policies.find((p) => p.id === 'high-risk-low-confidence-review')!;
    expect(conditionSentence(policy.conditions)).toBe('automation.riskClass is high and decision.confidence is less than 0.7');
  });

  it('words every operator', () => {
    const s = (operator: string, value: unknown) => factSentence({ fact: 'f', operator: operator as never, value });
    expect(s('equal', 'x')).toBe('f is x');
    expect(s('notEqual', 3)).toBe('f is not 3');
    expect(s('lessThan', 0.5)).toBe('f is less than 0.5');
    expect(s('lessThanInclusive', 1)).toBe('f is at most 1');
    expect(s('greaterThan', 2)).toBe('f is greater than 2');
    expect(s('greaterThanInclusive', 2)).toBe('f is at least 2');
    expect(s('in', ['a', 'b', 'c'])).toBe('f is one of a, b or c');
    expect(s('notIn', ['a', 'b'])).toBe('f is none of a nor b');
    expect(s('contains', 'health')).toBe('f includes health');
    expect(s('doesNotContain', 'health')).toBe('f does not include health');
    expect(s('equal', null)).toBe('f is absent');
    expect(s('equal', true)).toBe('f is true');
  });

  it('reads object paths and fact references as names', () => {
    expect(factSentence({ fact: 'modelVersion.metrics', path: '$.accuracy', operator: 'lessThan', value: 0.8 })).toBe(
      'modelVersion.metrics.accuracy is less than 0.8',
    );
    expect(factSentence({ fact: 'transition.actorId', operator: 'equal', value: { fact: 'version.ownerId' } })).toBe(
      'transition.actorId is the value of version.ownerId',
    );
  });

  it('puts nested groups in parentheses and reads not as a negation', () => {
    const tree = {
      all: [
        { fact: 'automation.riskClass', operator: 'equal' as const, value: 'high' },
        {
          any: [
            { fact: 'decision.confidence', operator: 'lessThan' as const, value: 0.7 },
            { not: { fact: 'context.reviewed', operator: 'equal' as const, value: true } },
          ],
        },
      ],
    };
    expect(conditionSentence(tree)).toBe(
      'automation.riskClass is high and (decision.confidence is less than 0.7 or it is not the case that context.reviewed is true)',
    );
    expect(conditionSentence({ not: { all: [tree.all[0], tree.all[0]] } })).toBe(
      'it is not the case that (automation.riskClass is high and automation.riskClass is high)',
    );
    expect(conditionSentence({ any: [{ all: [tree.all[0]] }] })).toBe('automation.riskClass is high');
  });
});

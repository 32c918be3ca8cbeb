import { DecisionRecordError, parseDecisionRecord } from './decision-record';

describe('a line of a decisions export', () => {
  it('is a decision record, or a gate record when its kind says so', () => {
    expect(
      parseDecisionRecord('{"id":"d1","automationKey":"a","recordedAt":"2026-12-01T00:00:00Z","recorded":null,"facts":null}', 1),
    ).toEqual({
      kind: 'decision',
      id: 'd1',
      automationKey: 'a',
      recordedAt: '2026-12-01T00:00:00Z',
      recorded: null,
      facts: null,
      withheld: [],
    });
    const gate = {
      kind: 'gate',
      subjectType: 'ModelVersion',
      id: 'v1',
      label: 'm 1',
      status: 'approved',
      appliesTo: 'model.transition',
      facts: { modelVersion: {} },
    };
    expect(parseDecisionRecord(JSON.stringify(gate), 2)).toEqual(gate);
  });

  it('refuses what is not one, with the line number', () => {
    const refused = (text: string) => {
      try {
        parseDecisionRecord(text, 7);
      } catch (error) {
        expect(error).toBeInstanceOf(DecisionRecordError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused('{oops')).toBe('line 7: not JSON');
    expect(refused('[1]')).toBe('line 7: not a JSON object');
    expect(refused('{"id":"d1"}')).toMatch(/^line 7: a decision record needs id, automationKey and recordedAt/);
    expect(refused('{"id":"d1","automationKey":"a","recordedAt":"x","facts":[1]}')).toBe('line 7: facts must be an object or null');
    expect(
      refused(
        '{"kind":"gate","subjectType":"ModelVersion","appliesTo":"automation.transition","id":"v","label":"l","status":"s","facts":{}}',
      ),
    ).toMatch(/subjectType ModelVersion/);
    expect(
      refused('{"kind":"gate","subjectType":"ModelVersion","appliesTo":"model.transition","id":"v","label":"l","status":"s"}'),
    ).toMatch(/needs facts/);
  });
});

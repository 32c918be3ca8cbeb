import { decisionFilterOf, decisionsCsvPath, parseDecisionSearch } from './decision-search';

describe('the decisions page filters in the URL', () => {
  it('keeps the filters of the right shape and drops the rest', () => {
    expect(
      parseDecisionSearch({
        status: 'PENDING_REVIEW',
        policyEffect: 'MAYBE',
        minConfidence: '0.25',
        maxConfidence: 'high',
        correlationId: '  CLM-1004 ',
        policyId: '',
        after: 'WyJ4Il0',
        unknown: 'x',
      }),
    ).toEqual({ status: 'PENDING_REVIEW', minConfidence: 0.25, correlationId: 'CLM-1004', after: 'WyJ4Il0' });
  });

  it('gives the API filter without the cursor, and no filter when nothing filters', () => {
    expect(decisionFilterOf({ status: 'BLOCKED', maxConfidence: 0, after: 'c' })).toEqual({ status: 'BLOCKED', maxConfidence: 0 });
    expect(decisionFilterOf({ after: 'c' })).toBeUndefined();
  });

  it('downloads the CSV with the same filters, as GraphQL spells them', () => {
    expect(decisionsCsvPath({})).toBe('/api/v1/decisions.csv');
    expect(
      decisionsCsvPath({
        status: 'PENDING_REVIEW',
        policyEffect: 'DENY',
        from: '2026-11-01T00:00:00.000Z',
        minConfidence: 0.5,
        after: 'c',
      }),
    ).toBe('/api/v1/decisions.csv?from=2026-11-01T00%3A00%3A00.000Z&status=PENDING_REVIEW&policyEffect=DENY&minConfidence=0.5');
  });
});

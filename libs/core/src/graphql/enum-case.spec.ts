import { PolicyEffect } from '../policy/policy-effect';
import { fromGraphqlEnum, toGraphqlEnum } from './enum-case';

describe('GraphQL enum case', () => {
  it('names a stored value in SCREAMING_SNAKE_CASE, a dotted event included', () => {
    expect(toGraphqlEnum('pending_review')).toBe('PENDING_REVIEW');
    expect(toGraphqlEnum('decision.pending_review')).toBe('DECISION_PENDING_REVIEW');
  });

  it('gives back the stored value of a GraphQL enum value', () => {
    expect(fromGraphqlEnum('COMPLIANCE_OFFICER')).toBe('compliance_officer');
  });

  it('agrees with the server-side mapping: each enum key is its value in upper case', () => {
    for (const [key, value] of Object.entries(PolicyEffect)) expect(toGraphqlEnum(value)).toBe(key);
  });
});

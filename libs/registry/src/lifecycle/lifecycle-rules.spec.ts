import { LifecycleStatus as S } from '../registry.enums';
import { abilityForTransition, ALLOWED_TRANSITIONS, assertTransitionAllowed } from './lifecycle-rules';

describe('lifecycle rules', () => {
  it('allows the documented path draft → in_review → approved → deployed → deprecated → retired', () => {
    const path = [S.draft, S.in_review, S.approved, S.deployed, S.deprecated, S.retired];
    for (let i = 1; i < path.length; i++) expect(() => assertTransitionAllowed(path[i - 1], path[i])).not.toThrow();
  });

  it('rejects skipping review with VALIDATION_FAILED', () => {
    expect(() => assertTransitionAllowed(S.draft, S.deployed)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('treats retired as final', () => {
    expect(ALLOWED_TRANSITIONS[S.retired]).toEqual([]);
    for (const to of Object.values(S)) expect(() => assertTransitionAllowed(S.retired, to)).toThrow();
  });

  it('needs the approve ability only to approve', () => {
    expect(abilityForTransition(S.approved)).toBe('approve');
    expect(abilityForTransition(S.in_review)).toBe('transition');
  });
});

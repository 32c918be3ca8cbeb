import { LifecycleStatus as S } from '../registry.enums';
import { abilityForTransition, ALLOWED_TRANSITIONS, assertTransitionAllowed } from './lifecycle-rules';

describe('lifecycle rules', () => {
  it('allows the documented path draft → in_review → approved → deployed → deprecated → retired', () => {
    const path = [S.DRAFT, S.IN_REVIEW, S.APPROVED, S.DEPLOYED, S.DEPRECATED, S.RETIRED];
    for (let i = 1; i < path.length; i++) expect(() => assertTransitionAllowed(path[i - 1], path[i])).not.toThrow();
  });

  it('rejects skipping review with VALIDATION_FAILED', () => {
    expect(() => assertTransitionAllowed(S.DRAFT, S.DEPLOYED)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('treats retired as final', () => {
    expect(ALLOWED_TRANSITIONS[S.RETIRED]).toEqual([]);
    for (const to of Object.values(S)) expect(() => assertTransitionAllowed(S.RETIRED, to)).toThrow();
  });

  it('needs the approve ability only to approve', () => {
    expect(abilityForTransition(S.APPROVED)).toBe('approve');
    expect(abilityForTransition(S.IN_REVIEW)).toBe('transition');
  });
});

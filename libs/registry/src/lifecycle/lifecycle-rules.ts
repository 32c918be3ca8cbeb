import { AttestError } from '@attest/core';
import { LifecycleStatus as S } from '../registry.enums';

/** The moves a version may make. `in_review → draft` sends it back to its owner. */
export const ALLOWED_TRANSITIONS: Record<S, readonly S[]> = {
  [S.DRAFT]: [S.IN_REVIEW, S.RETIRED],
  [S.IN_REVIEW]: [S.DRAFT, S.APPROVED],
  [S.APPROVED]: [S.DEPLOYED, S.DEPRECATED],
  [S.DEPLOYED]: [S.DEPRECATED],
  [S.DEPRECATED]: [S.DEPLOYED, S.RETIRED],
  [S.RETIRED]: [],
};

export function assertTransitionAllowed(from: S, to: S): void {
  if (!ALLOWED_TRANSITIONS[from].includes(to)) {
    const allowed = ALLOWED_TRANSITIONS[from];
    throw AttestError.validation(
      `A version cannot move from ${from} to ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
      { field: 'to', from, to },
    );
  }
}

/** Approval is a separate ability (compliance) from moving one's own version along. */
export function abilityForTransition(to: S): 'approve' | 'transition' {
  return to === S.APPROVED ? 'approve' : 'transition';
}

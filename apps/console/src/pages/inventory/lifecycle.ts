import type { LifecycleStatus } from '../../gql/graphql';

/** libs/registry/src/lifecycle/lifecycle-rules.ts ALLOWED_TRANSITIONS, as the console offers the moves. */
export interface LifecycleMove {
  to: LifecycleStatus;
  /** The button's words. */
  label: string;
  /** The policies/access action the move needs: `approve` for approvals, `transition` otherwise. */
  ability: 'approve' | 'transition';
}

const MOVES: Record<LifecycleStatus, LifecycleMove[]> = {
  DRAFT: [
    { to: 'IN_REVIEW', label: 'Submit for review', ability: 'transition' },
    { to: 'RETIRED', label: 'Retire', ability: 'transition' },
  ],
  IN_REVIEW: [
    { to: 'APPROVED', label: 'Approve', ability: 'approve' },
    { to: 'DRAFT', label: 'Send back to draft', ability: 'transition' },
  ],
  APPROVED: [
    { to: 'DEPLOYED', label: 'Deploy', ability: 'transition' },
    { to: 'DEPRECATED', label: 'Deprecate', ability: 'transition' },
  ],
  DEPLOYED: [{ to: 'DEPRECATED', label: 'Deprecate', ability: 'transition' }],
  DEPRECATED: [
    { to: 'DEPLOYED', label: 'Deploy again', ability: 'transition' },
    { to: 'RETIRED', label: 'Retire', ability: 'transition' },
  ],
  RETIRED: [],
};

/** The moves a version in `status` may make (the API still checks them, and who makes them). */
export function movesFrom(status: LifecycleStatus): LifecycleMove[] {
  return MOVES[status];
}

export const LIFECYCLE_STATUSES: LifecycleStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'DEPLOYED', 'DEPRECATED', 'RETIRED'];

import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import type { LifecycleStatus } from '../registry.enums';

/** What a gate sees of a proposed transition. */
export interface TransitionRequest {
  subjectType: 'ModelVersion' | 'AutomationVersion';
  /** The version as stored, plus its parent's owner. */
  subject: Record<string, unknown> & { id: string; status: LifecycleStatus };
  from: LifecycleStatus;
  to: LifecycleStatus;
  rationale: string;
  actor: AuthenticatedPrincipal;
}

/**
 * The seam for policy gates (risk policies as code arrive with the decisions issue): every gate
 * runs inside the transition's transaction and may throw POLICY_DENIED to stop it.
 */
export interface LifecycleGate {
  check(request: TransitionRequest, manager: EntityManager): Promise<void>;
}

export const LIFECYCLE_GATES = Symbol('LIFECYCLE_GATES');

import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../context/request-actor';

/** What a policy check concluded, for the audit event of the change it judged. */
export interface PolicyVerdict {
  /** Digest of the tenant's active pack. */
  packDigest: string;
  effect: 'allow' | 'deny' | 'require_review' | 'annotate';
  matched: { id: string; version: number; effect: string }[];
}

/**
 * The seam through which a context asks the tenant's active risk-policy pack about a change it is
 * about to make (`automation.register`, `dataset.register`, …). The owning context builds the facts
 * (it owns the data); the policy context evaluates. A denial throws POLICY_DENIED, inside the
 * caller's transaction, so nothing is written. No active pack: no verdict.
 */
export interface PolicyCheck {
  check(m: EntityManager, actor: RequestActor, appliesTo: string, facts: Record<string, unknown>): Promise<PolicyVerdict | undefined>;
}

export const POLICY_CHECK = Symbol('POLICY_CHECK');

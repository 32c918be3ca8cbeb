import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../context/request-actor';
import type { PolicyEffectValue } from './policy-effect';

/** One policy that matched, as stored with the change it judged and returned to callers. */
export interface MatchedPolicyResult {
  id: string;
  version: number;
  effect: PolicyEffectValue;
  severity: string;
  message: string;
  frameworks: string[];
}

/** What a policy check concluded, for the audit event (or decision) it judged. */
export interface PolicyVerdict {
  /** Digest of the tenant's active pack. */
  packDigest: string;
  effect: PolicyEffectValue;
  matched: MatchedPolicyResult[];
}

/**
 * The seam through which a context asks the tenant's active risk-policy pack about a change it is
 * about to make (`automation.register`, `decision`, …). The owning context builds the facts (it
 * owns the data); the policy context evaluates. No active pack: no verdict.
 */
export interface PolicyCheck {
  /**
   * A scalar subquery giving the active pack's digest (null without one), for a context that reads
   * it in a statement of its own (a decision reads it with its registry entries: one round trip).
   */
  readonly activeDigestSql: string;
  /**
   * A judge for many subjects of one kind, for a digest read with `activeDigestSql` (the bulk path
   * judges a batch with it): no round trip once that pack is compiled. No digest: undefined.
   */
  judgeDigest(m: EntityManager, appliesTo: string, digest: string | null): Promise<PolicyJudge | undefined>;
  /** The verdict, whatever it is: for subjects that record a denial rather than refuse it (decisions). */
  evaluate(m: EntityManager, actor: RequestActor, appliesTo: string, facts: Record<string, unknown>): Promise<PolicyVerdict | undefined>;
  /** The verdict, but a denial throws POLICY_DENIED inside the caller's transaction, so nothing is written. */
  check(m: EntityManager, actor: RequestActor, appliesTo: string, facts: Record<string, unknown>): Promise<PolicyVerdict | undefined>;
}

/** Evaluates facts with one pack, synchronously. */
export type PolicyJudge = (facts: Record<string, unknown>) => PolicyVerdict;

export const POLICY_CHECK = Symbol('POLICY_CHECK');

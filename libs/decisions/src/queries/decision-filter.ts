import type { SelectQueryBuilder } from 'typeorm';
import type { DecisionFilter } from '../dto/decisions.args';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionOutcome } from '../models/decision.enums';

const REVIEW = (alias: string) => `EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = ${alias}.id)`;
/** The verdict that stands: the latest review's (a contest's review comes after the first). */
const LATEST_VERDICT = (alias: string, verdict: string) =>
  `(SELECT r.verdict FROM decision_reviews r WHERE r.decision_id = ${alias}.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) = '${verdict}'`;

/** An outcome as SQL: the recorded status, unless a review settled it. */
const OUTCOME_SQL: Record<DecisionOutcome, (alias: string) => string> = {
  recorded: (d) => `${d}.status = 'recorded' AND NOT ${REVIEW(d)}`,
  pending_review: (d) => `${d}.status = 'pending_review' AND NOT ${REVIEW(d)}`,
  blocked: (d) => `${d}.status = 'blocked'`,
  approved: (d) => LATEST_VERDICT(d, 'approve'),
  overridden: (d) => LATEST_VERDICT(d, 'override'),
  rejected: (d) => LATEST_VERDICT(d, 'reject'),
};

/** Narrows a decisions query by every filter given. */
export function whereDecisionMatches(
  query: SelectQueryBuilder<DecisionEntity>,
  f: DecisionFilter = {},
): SelectQueryBuilder<DecisionEntity> {
  const d = query.alias;
  if (f.automationId) query.andWhere(`${d}.automation_id = :automationId`, { automationId: f.automationId });
  if (f.automationVersionId)
    query.andWhere(`${d}.automation_version_id = :automationVersionId`, { automationVersionId: f.automationVersionId });
  if (f.modelVersionId) query.andWhere(`${d}.model_version_id = :modelVersionId`, { modelVersionId: f.modelVersionId });
  if (f.status) query.andWhere(`${d}.status = :status`, { status: f.status });
  if (f.outcome) query.andWhere(OUTCOME_SQL[f.outcome](d));
  // One element with both fields: that policy matched with that effect (the GIN index answers either or both).
  if (f.policyId || f.policyEffect) {
    const policyMatch = JSON.stringify([
      { ...(f.policyId ? { id: f.policyId } : {}), ...(f.policyEffect ? { effect: f.policyEffect } : {}) },
    ]);
    query.andWhere(`${d}.policy_results @> :policyMatch::jsonb`, { policyMatch });
  }
  if (f.correlationId) query.andWhere(`${d}.correlation_id = :correlationId`, { correlationId: f.correlationId });
  if (f.from) query.andWhere(`${d}.occurred_at >= :from`, { from: f.from });
  if (f.to) query.andWhere(`${d}.occurred_at < :to`, { to: f.to });
  if (f.minConfidence !== undefined) query.andWhere(`${d}.confidence >= :minConfidence`, { minConfidence: f.minConfidence });
  if (f.maxConfidence !== undefined) query.andWhere(`${d}.confidence <= :maxConfidence`, { maxConfidence: f.maxConfidence });
  return query;
}

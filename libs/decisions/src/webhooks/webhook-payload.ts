import type { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { outcomeOf } from '../review/outcome';

/**
 * What a receiver is told: ids, statuses and the verdicts, never inputs or outputs (a receiver that
 * needs them asks the API, under its own access rules). The delivery id and event are added when sent.
 */
export function decisionEventPayload(
  decision: Omit<DecisionEntity, 'recordedAt'>,
  review: DecisionReviewEntity | null = null,
): Record<string, unknown> {
  return {
    decision: {
      id: decision.id,
      automationId: decision.automationId,
      automationVersionId: decision.automationVersionId,
      modelVersionId: decision.modelVersionId,
      idempotencyKey: decision.idempotencyKey,
      correlationId: decision.correlationId,
      status: decision.status,
      outcome: outcomeOf(decision, review),
      confidence: decision.confidence,
      occurredAt: decision.occurredAt,
      policy: decision.policyPackDigest
        ? {
            packDigest: decision.policyPackDigest,
            effect: decision.policyEffect,
            matched: decision.policyResults.map(({ id, version, effect }) => ({ id, version, effect })),
          }
        : null,
    },
    ...(review
      ? {
          review: {
            id: review.id,
            verdict: review.verdict,
            reviewerId: review.reviewerId,
            rationale: review.rationale,
            at: review.createdAt,
            ...(review.contestId ? { contestId: review.contestId } : {}),
          },
        }
      : {}),
  };
}

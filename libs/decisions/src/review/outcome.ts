import type { DecisionReviewEntity, ReviewVerdict } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionOutcome } from '../models/decision.enums';

const OUTCOME_OF_VERDICT: Record<ReviewVerdict, DecisionOutcome> = {
  approve: DecisionOutcome.APPROVED,
  override: DecisionOutcome.OVERRIDDEN,
  reject: DecisionOutcome.REJECTED,
};

const OUTCOME_OF_STATUS: Record<DecisionEntity['status'], DecisionOutcome> = {
  recorded: DecisionOutcome.RECORDED,
  pending_review: DecisionOutcome.PENDING_REVIEW,
  blocked: DecisionOutcome.BLOCKED,
};

/** The final outcome: the recorded status, unless a human review settled it. */
export function outcomeOf(decision: Pick<DecisionEntity, 'status'>, review: Pick<DecisionReviewEntity, 'verdict'> | null): DecisionOutcome {
  return review ? OUTCOME_OF_VERDICT[review.verdict] : OUTCOME_OF_STATUS[decision.status];
}

/** The output that stands: the corrected one after an override, none after a rejection, a block or while review is pending. */
export function effectiveOutputOf(
  decision: Pick<DecisionEntity, 'status' | 'output'>,
  review: Pick<DecisionReviewEntity, 'verdict' | 'correctedOutput'> | null,
): unknown {
  switch (outcomeOf(decision, review)) {
    case DecisionOutcome.RECORDED:
    case DecisionOutcome.APPROVED:
      return decision.output;
    case DecisionOutcome.OVERRIDDEN:
      return review!.correctedOutput;
    default:
      return null;
  }
}

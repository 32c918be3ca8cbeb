import type { DecisionReviewEntity, ReviewVerdict } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionOutcome } from '../models/decision.enums';

const OUTCOME_OF_VERDICT: Record<ReviewVerdict, DecisionOutcome> = {
  approve: DecisionOutcome.approved,
  override: DecisionOutcome.overridden,
  reject: DecisionOutcome.rejected,
};

/** The final outcome: the recorded status, unless a human review settled it. */
export function outcomeOf(decision: Pick<DecisionEntity, 'status'>, review: Pick<DecisionReviewEntity, 'verdict'> | null): DecisionOutcome {
  return review ? OUTCOME_OF_VERDICT[review.verdict] : DecisionOutcome[decision.status];
}

/** The output that stands: the corrected one after an override, none after a rejection, a block or while review is pending. */
export function effectiveOutputOf(decision: Pick<DecisionEntity, 'status' | 'output'>, review: Pick<DecisionReviewEntity, 'verdict' | 'correctedOutput'> | null): unknown {
  switch (outcomeOf(decision, review)) {
    case DecisionOutcome.recorded:
    case DecisionOutcome.approved:
      return decision.output;
    case DecisionOutcome.overridden:
      return review!.correctedOutput;
    default:
      return null;
  }
}

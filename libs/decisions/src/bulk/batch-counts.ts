import type { BatchOutcome } from '../recording/decision-recorder.service';
import type { BatchCountsModel } from './models/batch-counts.model';

/** How a batch's items came out; every item counts exactly once. */
export function countsOf(outcomes: readonly BatchOutcome[]): BatchCountsModel {
  const counts = { recorded: 0, pendingReview: 0, blocked: 0, replayed: 0, failed: 0 };
  for (const outcome of outcomes) {
    if (!outcome.ok) counts.failed += 1;
    else if (outcome.replayed) counts.replayed += 1;
    else if (outcome.decision.status === 'pending_review') counts.pendingReview += 1;
    else if (outcome.decision.status === 'blocked') counts.blocked += 1;
    else counts.recorded += 1;
  }
  return counts;
}

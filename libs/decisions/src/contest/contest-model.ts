import type { ContestRow } from './contests';
import { ContestStatus, type DecisionContestModel } from './decision-contest.model';

/** A stored contest as the API gives it: the contact only to those who may read the decision's input. */
export function contestModelOf(row: ContestRow, mayReadContact: boolean): DecisionContestModel {
  return {
    id: row.id,
    decisionId: row.decisionId,
    status: row.reviewId ? ContestStatus.ANSWERED : ContestStatus.OPEN,
    reason: row.reason,
    contact: mayReadContact ? row.contact : null,
    hasContact: row.contact !== null,
    contestedBy: row.contestedBy,
    contestedAt: row.contestedAt,
    dueAt: row.dueAt,
    reviewId: row.reviewId,
    resolvedAt: row.resolvedAt,
  };
}

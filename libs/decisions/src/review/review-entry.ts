import type { DecisionEntity } from '../entities/decision.entity';
import type { ReviewClaimModel } from '../models/review-queue.model';
import { holderOf, type ReviewItem } from './review-items';

export interface ReviewQueueEntry {
  decision: DecisionEntity;
  waitingSeconds: number;
  dueAt: Date;
  overdue: boolean;
  claim: ReviewClaimModel | null;
  /** Contested by the person decided about: sorted first, due by the contest's deadline. */
  priority: boolean;
  contestId: string | null;
}

/** A decision and its open item as the queue shows them, at `now`. */
export function reviewEntryOf(decision: DecisionEntity, item: ReviewItem, now = new Date()): ReviewQueueEntry {
  const holderId = holderOf(item, now);
  return {
    decision,
    waitingSeconds: Math.max(0, Math.floor((now.getTime() - decision.recordedAt.getTime()) / 1000)),
    dueAt: item.dueAt,
    overdue: item.dueAt.getTime() <= now.getTime(),
    claim: holderId ? { holderId, since: item.claimedAt!, expiresAt: item.claimExpiresAt, assignedBy: item.assignedBy } : null,
    priority: item.contestId !== null,
    contestId: item.contestId,
  };
}

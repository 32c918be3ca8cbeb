import { AttestError } from '@attest/core';
import type { EntityManager } from 'typeorm';

/** An open review item (docs/api.md "Review workflow"): a decision awaiting review, who holds it, when it is due. */
export interface ReviewItem {
  decisionId: string;
  automationId: string;
  recordedAt: Date;
  dueAt: Date;
  claimedBy: string | null;
  claimedAt: Date | null;
  /** Null while claimed: an assignment, held until released or reviewed. */
  claimExpiresAt: Date | null;
  assignedBy: string | null;
  overdueAt: Date | null;
  /** The contest that opened or took over the item: a priority item, due by the contest's deadline (docs/evidence.md). */
  contestId: string | null;
}

export const REVIEW_ITEM_COLUMNS = `i.decision_id AS "decisionId", i.automation_id AS "automationId", i.recorded_at AS "recordedAt",
  i.due_at AS "dueAt", i.claimed_by AS "claimedBy", i.claimed_at AS "claimedAt", i.claim_expires_at AS "claimExpiresAt",
  i.assigned_by AS "assignedBy", i.overdue_at AS "overdueAt", i.contest_id AS "contestId"`;

/** The open item of a decision, locked for the caller's transaction; null once reviewed (or never sent to review). */
export async function lockReviewItem(m: EntityManager, decisionId: string): Promise<ReviewItem | null> {
  const [item]: ReviewItem[] = await m.query(`SELECT ${REVIEW_ITEM_COLUMNS} FROM review_items i WHERE i.decision_id = $1 FOR UPDATE`, [
    decisionId,
  ]);
  return item ?? null;
}

/** Who holds the item now: its claimant while the claim lasts (an assignment always), else nobody. */
export function holderOf(item: ReviewItem, now = new Date()): string | null {
  if (!item.claimedBy) return null;
  return item.claimExpiresAt === null || item.claimExpiresAt.getTime() > now.getTime() ? item.claimedBy : null;
}

/** A claim by `principalId` for `seconds`, or (assignedBy set) an assignment that does not lapse. */
export async function holdReviewItem(
  m: EntityManager,
  decisionId: string,
  principalId: string,
  hold: { seconds: number } | { assignedBy: string },
): Promise<ReviewItem> {
  const [[item]]: [ReviewItem[]] = await m.query(
    `UPDATE review_items i SET claimed_by = $2,
            claimed_at = CASE WHEN i.claimed_by = $2 AND i.assigned_by IS NOT DISTINCT FROM $4::uuid THEN i.claimed_at ELSE clock_timestamp() END,
            claim_expires_at = CASE WHEN $4::uuid IS NULL THEN clock_timestamp() + make_interval(secs => $3) END,
            assigned_by = $4::uuid, changed_at = clock_timestamp()
      WHERE i.decision_id = $1 RETURNING ${REVIEW_ITEM_COLUMNS}`,
    [decisionId, principalId, 'seconds' in hold ? hold.seconds : 0, 'assignedBy' in hold ? hold.assignedBy : null],
  );
  return item;
}

export async function releaseReviewItem(m: EntityManager, decisionId: string): Promise<ReviewItem> {
  const [[item]]: [ReviewItem[]] = await m.query(
    `UPDATE review_items i SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, assigned_by = NULL,
            changed_at = clock_timestamp()
      WHERE i.decision_id = $1 RETURNING ${REVIEW_ITEM_COLUMNS}`,
    [decisionId],
  );
  return item;
}

/** Closes the item of a reviewed decision (its history stays in the audit trail). */
export async function closeReviewItem(m: EntityManager, decisionId: string): Promise<void> {
  await m.query('DELETE FROM review_items WHERE decision_id = $1', [decisionId]);
}

/**
 * Puts a contested decision in the queue as a priority item due at `dueAt`: a new item, or the open
 * one taken over (its holder kept, its due time the earlier of the two, an overdue mark kept).
 */
export async function openContestItem(
  m: EntityManager,
  decision: { id: string; tenantId: string; automationId: string; recordedAt: Date },
  contestId: string,
  dueAt: Date,
): Promise<ReviewItem> {
  const [item]: ReviewItem[] = await m.query(
    `INSERT INTO review_items AS i (decision_id, tenant_id, automation_id, recorded_at, due_at, contest_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (decision_id) DO UPDATE SET contest_id = excluded.contest_id, due_at = least(i.due_at, excluded.due_at),
       changed_at = clock_timestamp()
     RETURNING ${REVIEW_ITEM_COLUMNS}`,
    [decision.id, decision.tenantId, decision.automationId, decision.recordedAt, dueAt, contestId],
  );
  return item;
}

/** The open items of these decisions, by decision id. */
export async function reviewItemsOf(m: EntityManager, decisionIds: string[]): Promise<Map<string, ReviewItem>> {
  if (decisionIds.length === 0) return new Map();
  const items: ReviewItem[] = await m.query(`SELECT ${REVIEW_ITEM_COLUMNS} FROM review_items i WHERE i.decision_id = ANY($1::uuid[])`, [
    decisionIds,
  ]);
  return new Map(items.map((i) => [i.decisionId, i]));
}

/** CONFLICT naming who holds the item and until when: two reviewers never work one item unknowingly. */
export function heldBySomeoneElse(item: ReviewItem, holderId: string): AttestError {
  const until = item.claimExpiresAt ? ` until ${item.claimExpiresAt.toISOString()} unless renewed` : ' (assigned)';
  return AttestError.conflict(`Principal ${holderId} holds this review${until}`, {
    holderId,
    expiresAt: item.claimExpiresAt?.toISOString() ?? null,
  });
}

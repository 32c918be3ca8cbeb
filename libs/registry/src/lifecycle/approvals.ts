import type { EntityManager } from 'typeorm';

/** The current review round: how many times the version has been submitted for review. */
async function reviewRound(m: EntityManager, subjectId: string): Promise<number> {
  const [row] = await m.query(`SELECT count(*)::int AS n FROM lifecycle_transitions WHERE subject_id = $1 AND to_status = 'in_review'`, [
    subjectId,
  ]);
  return Math.max(1, row.n as number);
}

/**
 * Records one approval in the current round (a second one by the same approver is a unique
 * violation: CONFLICT) and returns how many distinct principals have approved in this round.
 */
export async function recordApproval(
  m: EntityManager,
  approval: { tenantId: string; subjectType: string; subjectId: string; approverId: string; rationale: string },
): Promise<number> {
  const round = await reviewRound(m, approval.subjectId);
  await m.query(
    `INSERT INTO lifecycle_approvals (tenant_id, subject_type, subject_id, review_round, approver_id, rationale) VALUES ($1, $2, $3, $4, $5, $6)`,
    [approval.tenantId, approval.subjectType, approval.subjectId, round, approval.approverId, approval.rationale],
  );
  const [row] = await m.query(
    `SELECT count(DISTINCT approver_id)::int AS n FROM lifecycle_approvals WHERE subject_id = $1 AND review_round = $2`,
    [approval.subjectId, round],
  );
  return row.n as number;
}

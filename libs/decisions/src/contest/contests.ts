import type { EntityManager } from 'typeorm';

/** A contest as stored (decision_contests): the person's request for human intervention and its answer. */
export interface ContestRow {
  id: string;
  decisionId: string;
  /** Redacted by the automation's rules, like a review's rationale. */
  reason: string;
  /** Personal data: only for roles that may read the decision's input. */
  contact: string | null;
  contestedBy: string;
  contestedAt: Date;
  dueAt: Date;
  /** The review that answered it; null while open. */
  reviewId: string | null;
  resolvedAt: Date | null;
}

const CONTEST_COLUMNS = `c.id, c.decision_id AS "decisionId", c.reason, c.contact, c.contested_by AS "contestedBy",
  c.contested_at AS "contestedAt", c.due_at AS "dueAt", c.review_id AS "reviewId", c.resolved_at AS "resolvedAt"`;

/** The id of the decision's open contest, or null. */
export async function openContestOf(m: EntityManager, decisionId: string): Promise<string | null> {
  const [row]: { id: string }[] = await m.query('SELECT id FROM decision_contests WHERE decision_id = $1 AND review_id IS NULL', [
    decisionId,
  ]);
  return row?.id ?? null;
}

export async function insertContest(
  m: EntityManager,
  contest: { tenantId: string; decisionId: string; reason: string; contact: string | null; contestedBy: string; dueMinutes: number },
): Promise<ContestRow> {
  const [row]: ContestRow[] = await m.query(
    `INSERT INTO decision_contests AS c (tenant_id, decision_id, reason, contact, contested_by, due_at)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp() + make_interval(mins => $6)) RETURNING ${CONTEST_COLUMNS}`,
    [contest.tenantId, contest.decisionId, contest.reason, contest.contact, contest.contestedBy, contest.dueMinutes],
  );
  return row;
}

/** Answers the contest with the review just written, in the review's transaction. */
export async function resolveContest(m: EntityManager, contestId: string, reviewId: string): Promise<void> {
  await m.query('UPDATE decision_contests SET review_id = $2, resolved_at = clock_timestamp() WHERE id = $1 AND review_id IS NULL', [
    contestId,
    reviewId,
  ]);
}

/** The contests of these decisions, oldest first. */
export async function contestsOf(m: EntityManager, decisionIds: readonly string[]): Promise<ContestRow[]> {
  if (decisionIds.length === 0) return [];
  return m.query(`SELECT ${CONTEST_COLUMNS} FROM decision_contests c WHERE c.decision_id = ANY($1::uuid[]) ORDER BY c.contested_at, c.id`, [
    [...decisionIds],
  ]);
}

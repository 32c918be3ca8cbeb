import { AttestError } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import { openContestOf } from '../contest/contests';
import { OWNER_OF_AUTOMATION, readableDecisions } from '../queries/decision-access';

/**
 * The decision, if `reviewer` may review it now; otherwise the reason, as a stable error code. The
 * separation of duties: not the owner of its automation, not who recorded it. A reviewed decision is
 * reviewed again only to answer an open contest (`openContestId`).
 */
export async function reviewableDecision(
  m: EntityManager,
  reviewer: AuthenticatedPrincipal,
  id: string,
  /** Who the refusals speak of: the caller ("You"), or a reviewer being assigned ("They"). */
  who: 'You' | 'They' = 'You',
): Promise<DecisionEntity & { ownerId: string; openContestId: string | null }> {
  const row = await readableDecisions(m, reviewer)
    .addSelect(OWNER_OF_AUTOMATION('d'), 'owner_id')
    .andWhere('d.id = :id', { id })
    .getRawAndEntities();
  const decision = row.entities[0];
  if (!decision) throw AttestError.notFound('Decision', id);
  const ownerId = row.raw[0].owner_id as string;
  if (ownerId === reviewer.principalId) throw AttestError.forbidden(`${who} own this decision's automation: someone else must review it`);
  if (decision.recordedBy === reviewer.principalId)
    throw AttestError.forbidden(`${who} recorded this decision: someone else must review it`);
  if (decision.status === 'blocked')
    throw AttestError.conflict('A blocked decision was never in effect and cannot be reviewed', { status: decision.status });
  const openContestId = await openContestOf(m, id);
  const [existing]: { id: string; reviewerId: string }[] = await m.query(
    'SELECT id, reviewer_id AS "reviewerId" FROM decision_reviews WHERE decision_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
    [id],
  );
  if (existing && !openContestId) throw AttestError.conflict('This decision has already been reviewed', { reviewId: existing.id });
  // A contest asks for another look: not by whoever gave the verdict it contests.
  if (existing && existing.reviewerId === reviewer.principalId)
    throw AttestError.forbidden(`${who} gave the verdict being contested: someone else must review it`);
  return { ...decision, ownerId, openContestId };
}

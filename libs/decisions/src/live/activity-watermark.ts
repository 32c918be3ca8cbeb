import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { readableDecisions } from '../queries/decision-access';

/** Where a scope's decisions and open review items stand: when either moves, its subscribers refetch. */
export interface ActivityWatermark {
  decisions: string | null;
  reviews: string;
}

/**
 * The two indexed reads of one scope's poll (ActivityWatch), in the caller's tenant transaction:
 * the newest decision the actor may read, and the count and latest changes of its open review
 * items. Exported on its own so that bench/live-activity.bench.ts times the very query.
 */
export async function readActivityWatermark(m: EntityManager, actor: AuthenticatedPrincipal): Promise<ActivityWatermark> {
  const decisions = await readableDecisions(m, actor).select('max(d.recorded_at)::text', 'newest').getRawOne<{ newest: string | null }>();
  const reviews = await readableDecisions(m, actor)
    .innerJoin('review_items', 'i', 'i.decision_id = d.id')
    .select(`concat_ws('|', count(*), max(i.recorded_at), max(i.changed_at))`, 'mark')
    .getRawOne<{ mark: string }>();
  return { decisions: decisions?.newest ?? null, reviews: reviews?.mark ?? '' };
}

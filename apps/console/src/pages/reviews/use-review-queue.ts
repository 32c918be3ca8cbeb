import { useActivity } from '../../api/use-activity';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import type { ReviewQueueItemFragment } from '../../gql/graphql';
import { ReviewQueueDocument } from './review-queue.queries';
import { reviewQueueFilterOf, type ReviewSearch } from './search';

export type QueueItem = ReviewQueueItemFragment;

/** The queue shows this many of the oldest items; the rest follow as these are reviewed. */
export const QUEUE_SIZE = 100;

/**
 * The one place the page reads the queue. `refetch()` asks the API again now (network-only): after a
 * claim, a verdict or an assignment, and for anything else that knows the queue changed (a live
 * update, say) — call it, never a second query.
 */
export function useReviewQueue(search: ReviewSearch, me: string) {
  const [result, reexecute] = useQuery({
    query: ReviewQueueDocument,
    variables: { first: QUEUE_SIZE, filter: reviewQueueFilterOf(search, me) },
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // Live: an item opened, was claimed, released or reviewed elsewhere (docs/console.md "Live updates").
  useActivity((activity) => {
    if (activity.reviews) refetch();
  });
  return { result, items: result.data?.reviewQueue.edges.map((e) => e.node), refetch };
}

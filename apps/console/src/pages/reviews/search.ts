import { textParam } from '../../components/search-params';
import type { ReviewQueueFilter } from '../../gql/graphql';

/**
 * The review queue's filters and the open item, in the URL: a filtered queue (or one item) is a link.
 * `holder` is a principal id or `mine` (whoever opens the link); `item` the decision being reviewed.
 */
export interface ReviewSearch {
  automationId?: string;
  policyId?: string;
  holder?: string;
  overdue?: boolean;
  item?: string;
}

export const reviewSearch = (search: Record<string, unknown>): ReviewSearch => ({
  automationId: textParam(search.automationId, 64),
  policyId: textParam(search.policyId, 200),
  holder: textParam(search.holder, 64),
  overdue:
    search.overdue === true || search.overdue === 'true'
      ? true
      : search.overdue === false || search.overdue === 'false'
        ? false
        : undefined,
  item: textParam(search.item, 64),
});

/** The API's ReviewQueueFilter for these parameters; `mine` is the signed-in principal. */
export function reviewQueueFilterOf(search: ReviewSearch, me: string): ReviewQueueFilter {
  const filter: ReviewQueueFilter = {};
  if (search.automationId) filter.automationId = search.automationId;
  if (search.policyId) filter.policyId = search.policyId;
  if (search.holder) filter.holderId = search.holder === 'mine' ? me : search.holder;
  if (search.overdue !== undefined) filter.overdue = search.overdue;
  return filter;
}

import { stringifyDocument } from 'urql';
import { ReleaseReviewDocument } from './review-queue.queries';

/**
 * Releases a claim as the page goes away (a closed tab, another site): a keepalive fetch outlives the
 * page, unlike urql's request, and, unlike sendBeacon, carries the CSRF-prevention header Apollo
 * requires. Without it the claim would only lapse (ATTEST_REVIEW_CLAIM_SECONDS later).
 */
export function releaseOnLeave(decisionId: string): void {
  void fetch('/graphql', {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: stringifyDocument(ReleaseReviewDocument), variables: { id: decisionId } }),
  }).catch(() => undefined); // nothing to tell: the page is gone, and the claim lapses anyway
}

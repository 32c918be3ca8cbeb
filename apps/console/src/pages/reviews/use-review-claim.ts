import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { ClaimReviewDocument, ReleaseReviewDocument } from './review-queue.queries';
import { releaseOnLeave } from './release-on-leave';
import { reviewRefusalOf, type ReviewRefusal } from './review-errors';
import { renewalDelayMs } from './sla';
import type { QueueItem } from './use-review-queue';

export type ClaimState =
  | { status: 'claiming' }
  /** The caller holds the item: its own claim (renewed here) or an assignment to it. */
  | { status: 'mine'; entry: QueueItem }
  /** Someone else holds it: CONFLICT named them; the verdict form is disabled. */
  | { status: 'held'; refusal: Extract<ReviewRefusal, { kind: 'held' }> }
  /** The claim was refused for another reason (reviewed meanwhile, the API unreachable). */
  | { status: 'refused'; refusal: ReviewRefusal };

/**
 * Opening an item claims it (claimReview) and renews the claim while the item stays open, at a third
 * of what is left of it (the lapse is read from the claim's expiresAt, ATTEST_REVIEW_CLAIM_SECONDS on
 * the server); leaving the item, the page or the tab releases a claim this page took (never an
 * assignment, which stays with its assignee). While someone else holds it, it tries again once their claim lapses.
 * `onChange` runs after each change of holder (to refetch the queue).
 */
export function useReviewClaim(decisionId: string | undefined, onChange: () => void) {
  const client = useClient();
  const [state, setState] = useState<ClaimState>({ status: 'claiming' });
  const [round, setRound] = useState(0);
  // A claim this page took and must release on leaving; cleared once the item is reviewed.
  const ownClaim = useRef<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!decisionId) return;
    let left = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ status: 'claiming' });

    const attempt = async () => {
      const result = await client.mutation(ClaimReviewDocument, { id: decisionId }, { requestPolicy: 'network-only' }).toPromise();
      if (left) return;
      const entry = result.data?.claimReview;
      if (entry) {
        const first = ownClaim.current !== decisionId;
        ownClaim.current = entry.claim?.assignedBy ? null : decisionId;
        setState({ status: 'mine', entry });
        if (first) onChangeRef.current();
        if (entry.claim?.expiresAt) timer = setTimeout(() => void attempt(), renewalDelayMs(entry.claim.expiresAt, Date.now()));
        return;
      }
      const refusal = reviewRefusalOf(result.error!);
      if (ownClaim.current === decisionId) ownClaim.current = null;
      if (refusal.kind === 'held') {
        setState({ status: 'held', refusal });
        // A claim lapses unless renewed: try again just after it would have, and take the item if it did.
        if (refusal.expiresAt) timer = setTimeout(() => void attempt(), Math.max(1000, Date.parse(refusal.expiresAt) - Date.now() + 1000));
      } else setState({ status: 'refused', refusal });
    };
    void attempt();

    // The tab closed or the browser left for another site: no cleanup runs, so release here. A page
    // kept in the back-forward cache and shown again claims anew.
    const onPageHide = () => {
      if (ownClaim.current !== decisionId) return;
      ownClaim.current = null;
      clearTimeout(timer);
      releaseOnLeave(decisionId);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setRound((r) => r + 1);
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);

    return () => {
      left = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      if (ownClaim.current === decisionId) {
        ownClaim.current = null;
        void client
          .mutation(ReleaseReviewDocument, { id: decisionId })
          .toPromise()
          .then(() => onChangeRef.current());
      }
    };
  }, [client, decisionId, round]);

  return {
    state,
    /** Claim again now (after an assignment or a release): the holder changed elsewhere, nothing to release. */
    retry: useCallback(() => {
      ownClaim.current = null;
      setRound((r) => r + 1);
    }, []),
    /** The item was reviewed: nothing is left to release. */
    reviewed: useCallback(() => {
      ownClaim.current = null;
    }, []),
  };
}

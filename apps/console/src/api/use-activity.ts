import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';

const ActivityDocument = graphql(`
  subscription Activity {
    activity {
      decisions
      reviews
      at
    }
  }
`);

export interface Activity {
  /** Decisions the user may read were recorded. */
  decisions: boolean;
  /** The review queue changed. */
  reviews: boolean;
}

/**
 * Calls `onActivity` when the API says something the page shows changed (`subscription { activity }`,
 * a hint with no data; docs/console.md "Live updates"): the page refetches what it concerns.
 * `enabled` false (a role that may not read decisions) subscribes to nothing.
 */
export function useActivity(onActivity: (activity: Activity) => void, enabled = true): void {
  const [result] = useSubscription({ query: ActivityDocument, pause: !enabled });
  const handler = useRef(onActivity);
  handler.current = onActivity;
  const event = result.data?.activity;
  useEffect(() => {
    if (event) handler.current(event);
  }, [event]);
}

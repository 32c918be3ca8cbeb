import { useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { expansionKey, type Expansion } from './expansions';
import type { Subgraph } from './lineage-graph';
import { LineageWalkDocument } from './lineage.queries';
import { subgraphOf } from './walk';

export type ExpansionWalk = { walk: Subgraph } | { error: CombinedError };

/**
 * The one-hop walk of each expansion, by its key: fetched once each, all at once (a reloaded link
 * with several expansions does not wait on each in turn). An expansion not yet answered is absent;
 * a refused one holds its error until it is asked again.
 */
export function useExpansionWalks(expansions: Expansion[], maxEdges: number): ReadonlyMap<string, ExpansionWalk> {
  const client = useClient();
  const [walks, setWalks] = useState<ReadonlyMap<string, ExpansionWalk>>(new Map());
  const requested = useRef(new Set<string>());
  useEffect(() => {
    for (const x of expansions) {
      const key = expansionKey(x);
      if (requested.current.has(key)) continue;
      requested.current.add(key);
      void client
        .query(LineageWalkDocument, { node: { type: x.type, id: x.id }, direction: x.towards, depth: 1, maxEdges })
        .toPromise()
        .then((answer) => {
          const walk: ExpansionWalk = answer.data ? { walk: subgraphOf(answer.data.lineage) } : { error: answer.error! };
          // A refused walk is asked again when the expansions change (asked anew after Back, say).
          if (!answer.data) requested.current.delete(key);
          setWalks((done) => new Map(done).set(key, walk));
        });
    }
  }, [client, expansions, maxEdges]);
  return walks;
}

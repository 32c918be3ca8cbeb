import type { LineageWalkQuery } from '../../gql/graphql';
import type { Subgraph } from './lineage-graph';

/** A walk as the API answered it, as the explorer keeps it (no __typename, labels null when absent). */
export function subgraphOf(walk: LineageWalkQuery['lineage']): Subgraph {
  return {
    truncated: walk.truncated,
    nodes: walk.nodes.map((n) => ({ type: n.type, id: n.id, label: n.label ?? null, depth: n.depth })),
    edges: walk.edges.map((e) => ({
      kind: e.kind,
      at: e.at,
      runId: e.runId ?? null,
      upstream: { type: e.upstream.type, id: e.upstream.id },
      downstream: { type: e.downstream.type, id: e.downstream.id },
    })),
  };
}

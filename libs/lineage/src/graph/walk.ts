import { nodeKey, type LineageEdgeKind, type NodeRef } from './lineage-vocabulary';

export interface Edge {
  kind: LineageEdgeKind;
  upstream: NodeRef;
  downstream: NodeRef;
  at: Date;
  runId: string | null;
}

export type Step = 'up' | 'down';

/** The edges that touch `frontier` on its upstream side ('up') or its downstream side ('down'), at most `limit`. */
export type EdgeReader = (frontier: readonly NodeRef[], step: Step, limit: number) => Promise<Edge[]>;

export interface Walk {
  /** Each node reached, with the fewest hops it took. */
  nodes: Map<string, { node: NodeRef; depth: number }>;
  edges: Edge[];
  /** Whether the walk stopped at `maxEdges` before reaching `depth`. */
  truncated: boolean;
}

/**
 * Breadth-first from `start`, one hop per query, to `depth` hops: each node is expanded once,
 * so a cycle ends the walk instead of looping, and a node reached two ways is listed once at its
 * shortest distance. Stops at `maxEdges` edges (a dataset feeding a million decisions is counted
 * by the impact query, not listed).
 */
export async function walk(start: NodeRef, step: Step, depth: number, maxEdges: number, read: EdgeReader): Promise<Walk> {
  const nodes = new Map<string, { node: NodeRef; depth: number }>([[nodeKey(start), { node: start, depth: 0 }]]);
  const seenEdges = new Set<string>();
  const edges: Edge[] = [];
  let frontier: NodeRef[] = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const found = await read(frontier, step, maxEdges - edges.length + 1);
    const next: NodeRef[] = [];
    for (const edge of found) {
      const key = `${nodeKey(edge.upstream)}>${edge.kind}>${nodeKey(edge.downstream)}`;
      if (seenEdges.has(key)) continue;
      if (edges.length === maxEdges) return { nodes, edges, truncated: true };
      seenEdges.add(key);
      edges.push(edge);
      const reached = step === 'up' ? edge.upstream : edge.downstream;
      if (!nodes.has(nodeKey(reached))) {
        nodes.set(nodeKey(reached), { node: reached, depth: hop });
        next.push(reached);
      }
    }
    frontier = next;
  }
  return { nodes, edges, truncated: false };
}

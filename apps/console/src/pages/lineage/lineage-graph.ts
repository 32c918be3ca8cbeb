import type { LineageEdgeKind, LineageNodeType } from '../../gql/graphql';

/** A node as the API names it: its type and id. */
export interface NodeRef {
  type: LineageNodeType;
  id: string;
}

export interface GraphNode extends NodeRef {
  label: string | null;
  /** Hops from the node the explorer started at (0 for itself). */
  depth: number;
}

export interface GraphEdge {
  kind: LineageEdgeKind;
  upstream: NodeRef;
  downstream: NodeRef;
  /** ISO 8601: when the downstream node came about. */
  at: string;
  runId?: string | null;
}

/** What the `lineage` query answers: one walk. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** The graph on screen: the first walk and every expansion since, each node and edge once. */
export interface ShownGraph extends Subgraph {
  /** Keys of the nodes expanded (walked from) so far. */
  expanded: string[];
}

export const nodeKey = (n: NodeRef): string => `${n.type}:${n.id}`;
export const edgeKey = (e: GraphEdge): string => `${nodeKey(e.upstream)}>${e.kind}>${nodeKey(e.downstream)}`;

/** The walk from the start node, as the graph on screen. */
export function shownGraphOf(start: NodeRef, walk: Subgraph): ShownGraph {
  return { ...mergeWalk({ nodes: [], edges: [], truncated: false, expanded: [] }, walk, 0), expanded: [nodeKey(start)] };
}

/**
 * Adds a walk from `from` (a node already shown) to the graph: new nodes take their distance through
 * it, a node reached again keeps its shortest distance, an edge seen again is not added twice.
 */
export function expandGraph(shown: ShownGraph, from: GraphNode, walk: Subgraph): ShownGraph {
  const merged = mergeWalk(shown, walk, from.depth);
  const key = nodeKey(from);
  return { ...merged, expanded: shown.expanded.includes(key) ? shown.expanded : [...shown.expanded, key] };
}

function mergeWalk(shown: ShownGraph, walk: Subgraph, offset: number): ShownGraph {
  const nodes = new Map(shown.nodes.map((n) => [nodeKey(n), n]));
  for (const n of walk.nodes) {
    const known = nodes.get(nodeKey(n));
    const depth = n.depth + offset;
    if (!known) nodes.set(nodeKey(n), { ...n, depth });
    else if (depth < known.depth) nodes.set(nodeKey(n), { ...known, depth });
  }
  const edges = new Map(shown.edges.map((e) => [edgeKey(e), e]));
  for (const e of walk.edges) if (!edges.has(edgeKey(e))) edges.set(edgeKey(e), e);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: shown.truncated || walk.truncated, expanded: shown.expanded };
}

/** A node's name in the explorer: its label (name and version, a decision's key), or a short id. */
export function nodeCaption(n: GraphNode): string {
  return n.label ?? n.id.slice(0, 8);
}

/** An enum value as words for people: TRAINED_ON → "trained on". */
export function enumWords(value: string): string {
  return value.replace(/_/g, ' ').toLowerCase();
}

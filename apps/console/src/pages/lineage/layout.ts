import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import { edgeKey, nodeKey, type GraphEdge, type GraphNode } from './lineage-graph';

/** Every node is drawn the same size: type on one line, name on the next. */
export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 56;

/**
 * ELK's layered layout, left to right (upstream on the left, as edges point downstream), nodes kept
 * in the order given where the layers allow, so the same graph is drawn the same way each time.
 */
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '28',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** The graph ELK is asked to lay out: nodes by key, edges between shown nodes only. */
export function elkInputOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): ElkNode {
  const shown = new Set(nodes.map(nodeKey));
  return {
    id: 'lineage',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((n) => ({ id: nodeKey(n), width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges
      .filter((e) => shown.has(nodeKey(e.upstream)) && shown.has(nodeKey(e.downstream)))
      .map((e) => ({ id: edgeKey(e), sources: [nodeKey(e.upstream)], targets: [nodeKey(e.downstream)] })),
  };
}

export interface Layout {
  /** Top-left corner of each node, by node key. */
  positions: Map<string, ElkPoint>;
  /** Each edge's route from the upstream node to the downstream one, by edge key. */
  routes: Map<string, ElkPoint[]>;
  width: number;
  height: number;
}

/** Reads ELK's answer: where each node goes, and the route of each edge (start, bends, end). */
export function layoutOf(laidOut: ElkNode): Layout {
  const positions = new Map((laidOut.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const routes = new Map(
    (laidOut.edges ?? []).map((e: ElkExtendedEdge) => [
      e.id,
      (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
    ]),
  );
  return { positions, routes, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}

/** Lays the graph out with ELK's bundled build, loaded on first use: it stays out of every other page. */
export async function layOut(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<Layout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return layoutOf(await new ELK().layout(elkInputOf(nodes, edges)));
}

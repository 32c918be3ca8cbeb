import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { edgesAt, labelsOf } from '../graph/lineage-store';
import { LineageDirection, nodeKey, type NodeRef } from '../graph/lineage-vocabulary';
import { walk, type Edge, type Step } from '../graph/walk';
import type { LineageArgs } from './dto/lineage.args';
import type { LineageGraphModel } from './models/lineage-graph.model';
import type { LineageNodeModel } from './models/lineage-node.model';

/** The lineage graph around a node: the walks of graph/walk.ts over the tenant's edges, with labels. */
@Injectable()
export class LineageService {
  constructor(private readonly db: TenantDb) {}

  graph(actor: AuthenticatedPrincipal, args: LineageArgs): Promise<LineageGraphModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const start: NodeRef = { type: args.node.type, id: args.node.id };
      const steps: Step[] =
        args.direction === LineageDirection.BOTH ? ['up', 'down'] : [args.direction === LineageDirection.UPSTREAM ? 'up' : 'down'];
      const depths = new Map<string, { node: NodeRef; depth: number }>();
      const edges = new Map<string, Edge>();
      let truncated = false;
      for (const step of steps) {
        const result = await walk(start, step, args.depth, args.maxEdges, (frontier, s, limit) => edgesAt(m, frontier, s, limit));
        truncated ||= result.truncated;
        for (const [key, reached] of result.nodes) if (!depths.has(key) || depths.get(key)!.depth > reached.depth) depths.set(key, reached);
        for (const edge of result.edges) edges.set(`${nodeKey(edge.upstream)}>${edge.kind}>${nodeKey(edge.downstream)}`, edge);
      }
      const labels = await labelsOf(
        m,
        [...depths.values()].map((d) => d.node),
      );
      if (!labels.has(nodeKey(start)) && edges.size === 0) throw AttestError.notFound('LineageNode', `${start.type} ${start.id}`);
      const nodes: LineageNodeModel[] = [...depths.values()]
        .sort((a, b) => a.depth - b.depth)
        .map(({ node, depth }) => ({ ...node, depth, label: labels.get(nodeKey(node)) ?? null }));
      return { nodes, edges: [...edges.values()], truncated };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { evidenceOf } from '../graph/evidence-store';
import { edgesAt, labelsOf } from '../graph/lineage-store';
import { LineageNodeType, nodeKey, type NodeRef } from '../graph/lineage-vocabulary';
import { walk } from '../graph/walk';
import type { DecisionLineageModel } from './models/decision-lineage.model';
import type { LineageNodeModel } from './models/lineage-node.model';

/** Hops and edges a decision's upstream chain may take (fan-in upstream is small; the caps catch a runaway graph). */
const CHAIN_DEPTH = 10;
const CHAIN_EDGES = 2000;
const SOURCE_TYPES = new Set([LineageNodeType.DATASET_VERSION, LineageNodeType.EXTERNAL_DATASET]);

/**
 * decisionLineage: everything upstream of a decision to the datasets at the start of the chain,
 * each hop with who brought it about, when, its audit event and its ledger index.
 */
@Injectable()
export class DecisionLineageService {
  constructor(private readonly db: TenantDb) {}

  lineageOf(actor: AuthenticatedPrincipal, decisionId: string): Promise<DecisionLineageModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const start: NodeRef = { type: LineageNodeType.DECISION, id: decisionId };
      const reached = await walk(start, 'up', CHAIN_DEPTH, CHAIN_EDGES, (frontier, step, limit) => edgesAt(m, frontier, step, limit));
      const found = [...reached.nodes.values()].sort((a, b) => a.depth - b.depth);
      const refs = found.map((f) => f.node);
      const [labels, evidence] = await Promise.all([labelsOf(m, refs), evidenceOf(m, refs)]);
      if (!labels.has(nodeKey(start))) throw AttestError.notFound('Decision', decisionId);
      const hasUpstream = new Set(reached.edges.map((e) => nodeKey(e.downstream)));
      const toNode = ({ node, depth }: { node: NodeRef; depth: number }): LineageNodeModel => ({
        ...node,
        depth,
        label: labels.get(nodeKey(node)) ?? null,
      });
      return {
        hops: found.map((f) => ({ node: toNode(f), evidence: evidence.get(nodeKey(f.node)) ?? null })),
        edges: reached.edges,
        sources: found.filter((f) => SOURCE_TYPES.has(f.node.type) && !hasUpstream.has(nodeKey(f.node))).map(toNode),
        truncated: reached.truncated,
      };
    });
  }
}

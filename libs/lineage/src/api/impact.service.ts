import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { edgesAt, labelsOf } from '../graph/lineage-store';
import { LineageNodeType, nodeKey, type NodeRef } from '../graph/lineage-vocabulary';
import { walk } from '../graph/walk';
import type { DatasetImpactModel, DecisionImpactModel } from './impact.models';
import type { LineageNodeModel } from './lineage.models';

/** Hops from a dataset version to the automation versions it reaches (through derived datasets and runs). */
const IMPACT_DEPTH = 8;
const IMPACT_EDGES = 5000;

/**
 * impactOf: the graph down from a dataset version to the automation versions, walked without
 * ever expanding decisions (there may be millions); then the decisions of the model versions
 * reached, aggregated in PostgreSQL by status and by month over the model-version index.
 */
@Injectable()
export class ImpactService {
  constructor(private readonly db: TenantDb) {}

  impactOf(actor: AuthenticatedPrincipal, datasetVersionId: string): Promise<DatasetImpactModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const start: NodeRef = { type: LineageNodeType.dataset_version, id: datasetVersionId };
      if (!(await labelsOf(m, [start])).has(nodeKey(start))) throw AttestError.notFound('DatasetVersion', datasetVersionId);
      const reached = await walk(start, 'down', IMPACT_DEPTH, IMPACT_EDGES, (frontier, step, limit) =>
        edgesAt(m, frontier, step, limit, [LineageNodeType.decision, LineageNodeType.review]),
      );
      const found = [...reached.nodes.values()];
      const labels = await labelsOf(m, found.map((f) => f.node));
      const ofType = (type: LineageNodeType): LineageNodeModel[] =>
        found.filter((f) => f.node.type === type).map(({ node, depth }) => ({ ...node, depth, label: labels.get(nodeKey(node)) ?? null }));
      const modelVersions = ofType(LineageNodeType.model_version);
      return {
        datasetVersionId, modelVersions, automationVersions: ofType(LineageNodeType.automation_version),
        decisions: await decisionCounts(m, modelVersions.map((v) => v.id)),
      };
    });
  }
}

async function decisionCounts(m: EntityManager, modelVersionIds: string[]): Promise<DecisionImpactModel> {
  if (modelVersionIds.length === 0) return { total: 0, byStatus: [], byMonth: [] };
  const rows: { status: string | null; month: string | null; count: string }[] = await m.query(
    `SELECT status, to_char(date_trunc('month', recorded_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*) AS count
       FROM decisions WHERE model_version_id = ANY ($1::uuid[])
      GROUP BY GROUPING SETS ((status), (month), ())`,
    [modelVersionIds],
  );
  const total = Number(rows.find((r) => r.status === null && r.month === null)?.count ?? 0);
  const byStatus = rows.filter((r) => r.status !== null).map((r) => ({ key: r.status!, count: Number(r.count) })).sort((a, b) => a.key.localeCompare(b.key));
  const byMonth = rows.filter((r) => r.month !== null).map((r) => ({ key: r.month!, count: Number(r.count) })).sort((a, b) => a.key.localeCompare(b.key));
  return { total, byStatus, byMonth };
}

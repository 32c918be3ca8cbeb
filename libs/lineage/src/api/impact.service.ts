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
  // One grouping (status × month, a few dozen groups) over the covering model-version index; the
  // month is formatted per group, not per row, and the totals are summed here.
  const rows: { status: string; month: Date; count: string }[] = await m.query(
    `SELECT status, date_trunc('month', recorded_at AT TIME ZONE 'UTC') AS month, count(*) AS count
       FROM decisions WHERE model_version_id = ANY ($1::uuid[])
      GROUP BY 1, 2`,
    [modelVersionIds],
  );
  const byStatus = new Map<string, number>();
  const byMonth = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const n = Number(r.count);
    const month = monthOf(r.month);
    total += n;
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + n);
    byMonth.set(month, (byMonth.get(month) ?? 0) + n);
  }
  const sorted = (map: Map<string, number>) => [...map].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
  return { total, byStatus: sorted(byStatus), byMonth: sorted(byMonth) };
}

/** YYYY-MM of a month start read as a timestamp without time zone (the driver gives it in local time). */
function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { edgesAt, labelsOf } from '../graph/lineage-store';
import { LineageNodeType, nodeKey, type NodeRef } from '../graph/lineage-vocabulary';
import { walk } from '../graph/walk';
import type { DatasetImpactModel } from './models/dataset-impact.model';
import type { DecisionImpactModel } from './models/decision-impact.model';
import type { LineageNodeModel } from './models/lineage-node.model';

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
      const start: NodeRef = { type: LineageNodeType.DATASET_VERSION, id: datasetVersionId };
      if (!(await labelsOf(m, [start])).has(nodeKey(start))) throw AttestError.notFound('DatasetVersion', datasetVersionId);
      const reached = await walk(start, 'down', IMPACT_DEPTH, IMPACT_EDGES, (frontier, step, limit) =>
        edgesAt(m, frontier, step, limit, [LineageNodeType.DECISION, LineageNodeType.REVIEW]),
      );
      const found = [...reached.nodes.values()];
      const labels = await labelsOf(
        m,
        found.map((f) => f.node),
      );
      const ofType = (type: LineageNodeType): LineageNodeModel[] =>
        found.filter((f) => f.node.type === type).map(({ node, depth }) => ({ ...node, depth, label: labels.get(nodeKey(node)) ?? null }));
      const modelVersions = ofType(LineageNodeType.MODEL_VERSION);
      return {
        datasetVersionId,
        modelVersions,
        automationVersions: ofType(LineageNodeType.AUTOMATION_VERSION),
        decisions: await decisionCounts(
          m,
          modelVersions.map((v) => v.id),
        ),
      };
    });
  }
}

/**
 * The decisions of the model versions, by status × month, in ONE statement (one snapshot): the
 * counts kept as the ledger seals decisions (migrations/1764489600000-DecisionCounts.ts), plus the
 * few decisions not sealed yet, counted directly over the unsealed-leaf index (through the views the
 * ledger and decisions publish, which PostgreSQL flattens: the same plan as over their tables). A few dozen rows
 * whatever the number of decisions. The unsealed ids are materialized first: under row-level
 * security the decisions' key can serve a join on a plain column, not on a cast (not leakproof).
 */
const DECISION_COUNTS = `
  WITH unsealed AS MATERIALIZED (
    SELECT fact_id::uuid AS id FROM ledger_fact_seals WHERE tenant_id = attest_current_tenant() AND position IS NULL AND kind = 'decision'
  )
  SELECT status, month, sum(count)::bigint AS count FROM (
    SELECT status, month, count FROM decision_counts WHERE model_version_id = ANY ($1::uuid[])
    UNION ALL
    SELECT d.status, date_trunc('month', d.recorded_at AT TIME ZONE 'UTC')::date, count(*)
      FROM unsealed u JOIN decision_lineage_rows d ON d.id = u.id
     WHERE d.model_version_id = ANY ($1::uuid[])
     GROUP BY 1, 2
  ) counted GROUP BY 1, 2`;

async function decisionCounts(m: EntityManager, modelVersionIds: string[]): Promise<DecisionImpactModel> {
  if (modelVersionIds.length === 0) return { total: 0, byStatus: [], byMonth: [] };
  const rows: { status: string; month: string; count: string }[] = await m.query(DECISION_COUNTS, [modelVersionIds]);
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

/** YYYY-MM of a month start (a date column, which the driver gives as a local-time Date). */
function monthOf(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 7);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

import type { EntityManager } from 'typeorm';
import { LineageNodeType, type LineageEdgeKind, type NodeRef } from './lineage-vocabulary';
import type { Edge, Step } from './walk';

interface EdgeRow {
  kind: LineageEdgeKind;
  upstream_type: LineageNodeType;
  upstream_id: string;
  downstream_type: LineageNodeType;
  downstream_id: string;
  at: Date;
  run_id: string | null;
}

/**
 * One hop of the walk: the edges of lineage_edges_all on the given side of the frontier
 * (tenant-confined by RLS), leaving out edges that reach a node of a type in `skip`.
 */
export async function edgesAt(
  m: EntityManager,
  frontier: readonly NodeRef[],
  step: Step,
  limit: number,
  skip: readonly LineageNodeType[] = [],
): Promise<Edge[]> {
  const [side, far] = step === 'up' ? ['downstream', 'upstream'] : ['upstream', 'downstream'];
  const rows: EdgeRow[] = await m.query(
    `SELECT e.kind, e.upstream_type, e.upstream_id, e.downstream_type, e.downstream_id, e.at, e.run_id
       FROM unnest($1::text[], $2::uuid[]) AS f(type, id)
       JOIN lineage_edges_all e ON e.${side}_type = f.type AND e.${side}_id = f.id
      WHERE e.${far}_type <> ALL ($4::text[])
      ORDER BY e.at, e.kind LIMIT $3`,
    [frontier.map((f) => f.type), frontier.map((f) => f.id), limit, skip],
  );
  return rows.map((r) => ({
    kind: r.kind,
    upstream: { type: r.upstream_type, id: r.upstream_id },
    downstream: { type: r.downstream_type, id: r.downstream_id },
    at: r.at,
    runId: r.run_id,
  }));
}

/**
 * A human label per node type: what the registry calls it (name and version) or a decision's
 * idempotency key, through the owners' published views; lineage's own nodes from its table.
 */
const LABELS: Partial<Record<LineageNodeType, string>> = {
  [LineageNodeType.DATASET_VERSION]: `SELECT id, label FROM registry_node_labels WHERE type = 'dataset_version' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.MODEL_VERSION]: `SELECT id, label FROM registry_node_labels WHERE type = 'model_version' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.AUTOMATION_VERSION]: `SELECT id, label FROM registry_node_labels WHERE type = 'automation_version' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.DECISION]: `SELECT id, label FROM decision_node_labels WHERE type = 'decision' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.REVIEW]: `SELECT id, label FROM decision_node_labels WHERE type = 'review' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.EXTERNAL_DATASET]: `SELECT id, namespace || '/' || name AS label FROM lineage_nodes WHERE type = 'external_dataset' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.JOB]: `SELECT id, namespace || '/' || name AS label FROM lineage_nodes WHERE type = 'job' AND id = ANY ($1::uuid[])`,
  [LineageNodeType.RUN]: `SELECT id, name || coalesce(' (' || state || ')', '') AS label FROM lineage_nodes WHERE type = 'run' AND id = ANY ($1::uuid[])`,
};

/** Labels of the nodes that exist (and the caller's tenant holds), in one statement: a node without one was not found. */
export async function labelsOf(m: EntityManager, nodes: readonly NodeRef[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const byType = new Map<LineageNodeType, string[]>();
  for (const node of nodes) byType.set(node.type, [...(byType.get(node.type) ?? []), node.id]);
  const parts: string[] = [];
  const params: string[][] = [];
  for (const [type, ids] of byType) {
    const sql = LABELS[type];
    if (!sql) continue;
    params.push(ids);
    parts.push(`SELECT '${type}' AS type, id, label FROM (${sql.replace('$1', `$${params.length}`)}) l`);
  }
  if (parts.length === 0) return labels;
  const rows: { type: string; id: string; label: string }[] = await m.query(parts.join(' UNION ALL '), params);
  for (const r of rows) labels.set(`${r.type}:${r.id}`, r.label);
  return labels;
}

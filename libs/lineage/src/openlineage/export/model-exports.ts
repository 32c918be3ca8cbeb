import type { EntityManager } from 'typeorm';
import type { LifecycleChangeForExport, ModelVersionForExport } from '../model-run-event';

/**
 * Model versions as their training-run events need them, with the OpenLineage run that produced
 * the artifact when a platform told of one (run -output_of-> dataset -derived_from-> model version).
 */
const MODEL_VERSIONS = `
  SELECT mv.id, mv.tenant_id, mv.model_name, mv.version, mv.artifact_uri, mv.risk_tier, mv.created_at,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('sourceUri', dv.source_uri, 'purpose', mvd.purpose) ORDER BY mvd.purpose DESC, dv.source_uri), '[]')
            FROM registry_model_version_datasets mvd JOIN registry_dataset_version_sources dv ON dv.id = mvd.dataset_version_id WHERE mvd.model_version_id = mv.id) AS datasets,
         (SELECT jsonb_build_object('runId', run.id, 'namespace', run.namespace, 'name', run.name)
            FROM lineage_edges x
            JOIN lineage_edges o ON o.tenant_id = x.tenant_id AND o.kind = 'output_of' AND o.downstream_type = 'external_dataset' AND o.downstream_id = x.upstream_id
            JOIN lineage_nodes run ON run.tenant_id = o.tenant_id AND run.type = 'run' AND run.id = o.upstream_id
           WHERE x.tenant_id = mv.tenant_id AND x.kind = 'derived_from' AND x.upstream_type = 'external_dataset'
             AND x.downstream_type = 'model_version' AND x.downstream_id = mv.id
           ORDER BY o.at DESC LIMIT 1) AS training_run
    FROM registry_model_version_exports mv
   WHERE mv.id = ANY ($1::uuid[])`;

/** Transitions with the roles of who made them and of the approvers of the latest review round before them. */
const TRANSITIONS = `
  SELECT t.id, t.from_status, t.to_status, t.at,
         (SELECT coalesce(array_agg(DISTINCT rb.role ORDER BY rb.role), '{}') FROM identity_principal_roles rb WHERE rb.principal_id = t.actor_id) AS actor_roles,
         coalesce(a.approvals, 0) AS approvals, coalesce(a.approver_roles, '{}') AS approver_roles
    FROM registry_lifecycle_transitions t
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT la.id) AS approvals, array_remove(array_agg(DISTINCT rb.role ORDER BY rb.role), NULL) AS approver_roles
        FROM registry_lifecycle_approvals la LEFT JOIN identity_principal_roles rb ON rb.principal_id = la.approver_id
       WHERE la.subject_id = t.subject_id AND la.created_at <= t.at
         AND la.review_round = (SELECT max(review_round) FROM registry_lifecycle_approvals l2 WHERE l2.subject_id = t.subject_id AND l2.created_at <= t.at)
    ) a ON true
   WHERE t.id = ANY ($1::uuid[])`;

interface ModelVersionRow {
  id: string;
  tenant_id: string;
  model_name: string;
  version: string;
  artifact_uri: string;
  risk_tier: string;
  created_at: Date;
  datasets: ModelVersionForExport['datasets'];
  training_run: ModelVersionForExport['trainingRun'];
}

export async function modelVersionsForExport(m: EntityManager, ids: string[]): Promise<Map<string, ModelVersionForExport>> {
  if (ids.length === 0) return new Map();
  const rows: ModelVersionRow[] = await m.query(MODEL_VERSIONS, [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        tenantId: r.tenant_id,
        modelName: r.model_name,
        version: r.version,
        artifactUri: r.artifact_uri,
        riskTier: r.risk_tier,
        registeredAt: r.created_at,
        datasets: r.datasets,
        trainingRun: r.training_run,
      },
    ]),
  );
}

export async function transitionsForExport(m: EntityManager, ids: string[]): Promise<Map<string, LifecycleChangeForExport>> {
  if (ids.length === 0) return new Map();
  const rows: {
    id: string;
    from_status: string;
    to_status: string;
    at: Date;
    actor_roles: string[];
    approvals: string;
    approver_roles: string[];
  }[] = await m.query(TRANSITIONS, [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        from: r.from_status,
        to: r.to_status,
        at: r.at,
        actorRoles: r.actor_roles,
        approvals: Number(r.approvals),
        approverRoles: r.approver_roles,
      },
    ]),
  );
}

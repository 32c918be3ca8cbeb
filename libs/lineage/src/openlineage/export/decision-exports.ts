import type { EntityManager } from 'typeorm';
import type { DecisionForExport, ReviewForExport } from '../decision-run-event';

/**
 * Decisions as their run events need them: automation, model artifact, policy, their own leaf, and
 * what they read. The leaf's text id comes from a subquery PostgreSQL cannot flatten: under
 * row-level security a cast (not leakproof) in the join would rule out the leaves' index.
 */
const DECISIONS = `
  SELECT d.id, d.tenant_id, a.key AS automation_key, d.recorded_at, mv.artifact_uri, d.status,
         d.policy_pack_digest, d.policy_effect, d.policy_results, l.position, l.sealed_at,
         (SELECT coalesce(jsonb_agg(CASE e.upstream_type WHEN 'dataset_version' THEN jsonb_build_object('sourceUri', dv.source_uri)
                                     ELSE jsonb_build_object('namespace', n.namespace, 'name', n.name) END
                                    ORDER BY e.upstream_type, coalesce(dv.source_uri, n.namespace || '/' || n.name)), '[]')
            FROM lineage_edges e
            LEFT JOIN registry_dataset_version_sources dv ON e.upstream_type = 'dataset_version' AND dv.id = e.upstream_id
            LEFT JOIN lineage_nodes n ON e.upstream_type = 'external_dataset' AND n.tenant_id = e.tenant_id AND n.type = 'external_dataset' AND n.id = e.upstream_id
           WHERE e.tenant_id = d.tenant_id AND e.downstream_type = 'decision' AND e.downstream_id = d.id AND e.kind = 'consumed') AS sources
    FROM decision_lineage_rows d
    JOIN registry_automation_refs a ON a.id = d.automation_id
    JOIN registry_model_version_exports mv ON mv.id = d.model_version_id
    CROSS JOIN LATERAL (SELECT d.id::text AS fact_id OFFSET 0) k
    LEFT JOIN ledger_fact_seals l ON l.tenant_id = d.tenant_id AND l.fact_id = k.fact_id AND l.kind = 'decision'
   WHERE d.id = ANY ($1::uuid[])`;

/** Reviews with their reviewer's roles (as bound now: role bindings are not versioned). */
const REVIEWS = `
  SELECT r.id, r.verdict, r.created_at,
         (SELECT coalesce(array_agg(DISTINCT rb.role ORDER BY rb.role), '{}') FROM identity_principal_roles rb WHERE rb.principal_id = r.reviewer_id) AS reviewer_roles
    FROM decision_review_lineage_rows r WHERE r.id = ANY ($1::uuid[])`;

interface DecisionRow {
  id: string;
  tenant_id: string;
  automation_key: string;
  recorded_at: Date;
  artifact_uri: string;
  status: string;
  policy_pack_digest: string | null;
  policy_effect: string | null;
  policy_results: { id: string; version: number; effect: string }[];
  position: string | null;
  sealed_at: Date | null;
  sources: DecisionForExport['sources'];
}

export async function decisionsForExport(m: EntityManager, ids: string[]): Promise<Map<string, DecisionForExport>> {
  if (ids.length === 0) return new Map();
  const rows: DecisionRow[] = await m.query(DECISIONS, [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        tenantId: r.tenant_id,
        automationKey: r.automation_key,
        recordedAt: r.recorded_at,
        modelVersion: { artifactUri: r.artifact_uri },
        sources: r.sources,
        status: r.status,
        policy:
          r.policy_pack_digest && r.policy_effect
            ? {
                packDigest: r.policy_pack_digest,
                effect: r.policy_effect,
                matched: r.policy_results.map(({ id, version, effect }) => ({ id, version, effect })),
              }
            : null,
        ledger: r.position === null ? null : { index: Number(r.position), sealedAt: r.sealed_at! },
      },
    ]),
  );
}

/** Reviews by id, without their leaf (the caller has it). */
export async function reviewsForExport(m: EntityManager, ids: string[]): Promise<Map<string, Omit<ReviewForExport, 'ledger'>>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; verdict: string; created_at: Date; reviewer_roles: string[] }[] = await m.query(REVIEWS, [ids]);
  return new Map(rows.map((r) => [r.id, { verdict: r.verdict, reviewerRoles: r.reviewer_roles, reviewedAt: r.created_at }]));
}

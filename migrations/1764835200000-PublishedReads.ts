import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the identity, registry and decisions contexts publish for other contexts to read (the context map,
 * docs/architecture.md): views over their own tables, so a reader names the view and the owner may
 * change its tables behind it. `security_invoker`: the reader's tenant policies still apply.
 */
const VIEWS = [
  // identity: a principal's name, for existence checks (registry) and evidence (lineage).
  `CREATE VIEW identity_principals WITH (security_invoker = true) AS
    SELECT id, tenant_id, name FROM principals`,
  // identity: the roles a principal holds now, for gate and export facts (registry, lineage).
  `CREATE VIEW identity_principal_roles WITH (security_invoker = true) AS
    SELECT principal_id, tenant_id, role FROM role_bindings`,
  // registry: where a registered dataset version lives and its digest, for a decision's sources
  // (decisions) and OpenLineage datasets (lineage).
  `CREATE VIEW registry_dataset_version_locations WITH (security_invoker = true) AS
    SELECT id, tenant_id, rtrim(source_uri, '/') AS location, digest FROM dataset_versions`,
  // registry: where a registered model version's artifact lives, for OpenLineage datasets (lineage).
  `CREATE VIEW registry_model_version_locations WITH (security_invoker = true) AS
    SELECT id, tenant_id, rtrim(artifact_uri, '/') AS location FROM model_versions`,
  // registry: a registered version's human label, for lineage nodes (lineage).
  `CREATE VIEW registry_node_labels WITH (security_invoker = true) AS
    SELECT 'dataset_version'::text AS type, v.id, v.tenant_id, d.name || ' ' || v.version AS label
      FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
    UNION ALL
    SELECT 'model_version', v.id, v.tenant_id, m.name || ' ' || v.version FROM model_versions v JOIN models m ON m.id = v.model_id
    UNION ALL
    SELECT 'automation_version', v.id, v.tenant_id, a.key || ' ' || v.version FROM automation_versions v JOIN automations a ON a.id = v.automation_id`,
  // registry: an automation's stable key and owner, for replayed decisions (policy-review), exported
  // decision events (lineage) and the owner's access to its decisions (decisions).
  `CREATE VIEW registry_automation_refs WITH (security_invoker = true) AS
    SELECT id, tenant_id, key, owner_id FROM automations`,
  // decisions: a decision's or a review's label, for lineage nodes (lineage).
  `CREATE VIEW decision_node_labels WITH (security_invoker = true) AS
    SELECT 'decision'::text AS type, id, tenant_id, idempotency_key AS label FROM decisions
    UNION ALL
    SELECT 'review', id, tenant_id, verdict FROM decision_reviews`,
  // decisions: what a replay of a recorded decision needs (policy-review's simulations).
  `CREATE VIEW decision_replay_rows WITH (security_invoker = true) AS
    SELECT id, tenant_id, automation_id, occurred_at, recorded_at, policy_facts, output, context,
           policy_pack_digest, policy_effect, policy_results
      FROM decisions`,
];

/** The view a statement of VIEWS creates. */
const nameOf = (statement: string): string => /CREATE VIEW (\w+)/.exec(statement)![1];

export class PublishedReads1764835200000 implements MigrationInterface {
  name = 'PublishedReads1764835200000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of VIEWS) {
      await db.query(statement);
      await db.query(`GRANT SELECT ON ${nameOf(statement)} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of [...VIEWS].reverse()) await db.query(`DROP VIEW ${nameOf(statement)}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropPublishedViews, publishViews } from './support/published-views';

/**
 * What core, the ledger, decisions and the registry publish for the lineage context (the context map,
 * docs/architecture.md): until now lineage read their tables by name for a node's evidence, the impact
 * counts and the OpenLineage export. Plain projections, which PostgreSQL flattens into the reader's
 * statement, so the owners' indexes serve the reader as they served it on the tables; `security_invoker`:
 * the reader's tenant policies still apply. Only the columns lineage reads.
 */
const VIEWS = [
  // core: which audit events record a subject, for a lineage node's evidence (its first one, or a review's).
  `CREATE VIEW audit_event_subjects WITH (security_invoker = true) AS
    SELECT id, tenant_id, subject_id, action, occurred_at FROM audit_events`,
  // ledger: where (and whether yet) the ledger sealed a fact, and the fact sealed: for evidence, the
  // decisions not counted yet (unsealed), and the OpenLineage feed in ledger order (lineage).
  `CREATE VIEW ledger_fact_seals WITH (security_invoker = true) AS
    SELECT id, tenant_id, kind, fact_id, fact, position, sealed_at FROM ledger_leaves`,
  // decisions: what lineage says of a decision (evidence, impact counts, OpenLineage run events).
  `CREATE VIEW decision_lineage_rows WITH (security_invoker = true) AS
    SELECT id, tenant_id, automation_id, model_version_id, status, recorded_at, recorded_by,
           policy_pack_digest, policy_effect, policy_results
      FROM decisions`,
  // decisions: what lineage says of a review (evidence, OpenLineage review events).
  `CREATE VIEW decision_review_lineage_rows WITH (security_invoker = true) AS
    SELECT id, tenant_id, decision_id, reviewer_id, verdict, created_at FROM decision_reviews`,
  // registry: who registered a version and when, for a lineage node's evidence.
  `CREATE VIEW registry_version_origins WITH (security_invoker = true) AS
    SELECT 'dataset_version'::text AS type, id, tenant_id, created_by, created_at FROM dataset_versions
    UNION ALL
    SELECT 'model_version', id, tenant_id, created_by, created_at FROM model_versions
    UNION ALL
    SELECT 'automation_version', id, tenant_id, created_by, created_at FROM automation_versions`,
  // registry: a dataset version's source as registered, for OpenLineage inputs (what a decision read, what a model learnt from).
  `CREATE VIEW registry_dataset_version_sources WITH (security_invoker = true) AS
    SELECT id, tenant_id, source_uri FROM dataset_versions`,
  // registry: a model version as its OpenLineage training-run event names it.
  `CREATE VIEW registry_model_version_exports WITH (security_invoker = true) AS
    SELECT v.id, v.tenant_id, m.name AS model_name, v.version, v.artifact_uri, v.risk_tier, v.created_at
      FROM model_versions v JOIN models m ON m.id = v.model_id`,
  // registry: the datasets a model version was trained and evaluated on.
  `CREATE VIEW registry_model_version_datasets WITH (security_invoker = true) AS
    SELECT model_version_id, tenant_id, dataset_version_id, purpose FROM model_version_datasets`,
  // registry: a version's lifecycle transitions, for OpenLineage transition events.
  `CREATE VIEW registry_lifecycle_transitions WITH (security_invoker = true) AS
    SELECT id, tenant_id, subject_id, from_status, to_status, actor_id, at FROM lifecycle_transitions`,
  // registry: the approvals of a version's review rounds, for OpenLineage transition events.
  `CREATE VIEW registry_lifecycle_approvals WITH (security_invoker = true) AS
    SELECT id, tenant_id, subject_id, review_round, approver_id, created_at FROM lifecycle_approvals`,
];

export class LineagePublishedReads1764836400000 implements MigrationInterface {
  name = 'LineagePublishedReads1764836400000';

  up(db: QueryRunner): Promise<void> {
    return publishViews(db, VIEWS);
  }

  down(db: QueryRunner): Promise<void> {
    return dropPublishedViews(db, VIEWS);
  }
}

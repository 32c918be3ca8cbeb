import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every kind of ledger leaf and its table, as of this migration (the ledger's six, and told edges). */
const LEDGER_FACTS: [string, string][] = [
  ['audit_event', 'audit_events'],
  ['decision', 'decisions'],
  ['decision_review', 'decision_reviews'],
  ['lifecycle_transition', 'lifecycle_transitions'],
  ['lifecycle_approval', 'lifecycle_approvals'],
  ['policy_pack_activation', 'policy_pack_activations'],
  ['lineage_edge', 'lineage_edges'],
];
const NODE_TYPES = ['dataset_version', 'model_version', 'automation_version', 'decision', 'review', 'external_dataset', 'job', 'run'];
const EDGE_KINDS = [
  'trained_on',
  'evaluated_on',
  'uses_model',
  'produced_by',
  'consumed',
  'reviewed_by',
  'derived_from',
  'input_of',
  'output_of',
];

/**
 * The lineage graph (docs/lineage.md): every edge points from upstream to downstream (data and
 * decisions flow that way), labelled with its kind. The edges Attest knows from its own records
 * are not copied anywhere: `lineage_edges_all` reads them from the rows that are the facts (a
 * model version's datasets, an automation version's models, a decision's versions, a review), so
 * they exist in the same transaction as their fact and cost the hot path nothing. Edges Attest is
 * told about (OpenLineage runs, a decision's sources) are rows of `lineage_edges`.
 */
export class Lineage1764403200000 implements MigrationInterface {
  name = 'Lineage1764403200000';

  async up(db: QueryRunner): Promise<void> {
    const types = NODE_TYPES.map((t) => `'${t}'`).join(', ');
    await db.query(`
      CREATE TABLE lineage_edges (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        kind text NOT NULL CHECK (kind IN (${EDGE_KINDS.map((k) => `'${k}'`).join(', ')})),
        upstream_type text NOT NULL CHECK (upstream_type IN (${types})),
        upstream_id uuid NOT NULL,
        downstream_type text NOT NULL CHECK (downstream_type IN (${types})),
        downstream_id uuid NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        run_id uuid,
        UNIQUE (tenant_id, upstream_type, upstream_id, downstream_type, downstream_id, kind)
      )`);
    await db.query(`CREATE INDEX lineage_edges_downstream ON lineage_edges (tenant_id, downstream_type, downstream_id)`);
    await db.query(`ALTER TABLE lineage_edges ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON lineage_edges
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT ON lineage_edges TO attest_app`);
    await this.ledgerEdges(db);

    // What OpenLineage tells: the datasets, jobs and runs it names (facets merged as events come),
    // and every event as received.
    await db.query(`
      CREATE TABLE lineage_nodes (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        type text NOT NULL CHECK (type IN ('external_dataset', 'job', 'run')),
        id uuid NOT NULL,
        namespace text NOT NULL,
        name text NOT NULL,
        facets jsonb NOT NULL DEFAULT '{}',
        state text,
        first_seen timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, type, id)
      )`);
    await db.query(`
      CREATE TABLE lineage_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        run_id uuid NOT NULL,
        event_type text,
        event_time timestamptz(3) NOT NULL,
        producer text NOT NULL,
        event jsonb NOT NULL,
        received_by uuid NOT NULL REFERENCES principals(id),
        received_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX lineage_events_run ON lineage_events (tenant_id, run_id, event_time)`);
    await db.query(`
      CREATE TRIGGER lineage_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lineage_events
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    for (const table of ['lineage_nodes', 'lineage_events']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON lineage_nodes TO attest_app`);
    await db.query(`GRANT SELECT, INSERT ON lineage_events TO attest_app`);
    // OpenLineage export: per tenant, the ledger position of the last decision sent (positions are
    // gap-free and in seal order: a cursor no late commit can skip), and the failures since.
    await db.query(`
      CREATE TABLE lineage_export_cursors (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
        position bigint NOT NULL DEFAULT -1,
        failures integer NOT NULL DEFAULT 0,
        last_error text,
        retry_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`ALTER TABLE lineage_export_cursors ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON lineage_export_cursors
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON lineage_export_cursors TO attest_app`);
    await db.query(`
      CREATE FUNCTION attest_tenant_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT id FROM tenants ORDER BY id $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_tenant_ids() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_tenant_ids() TO attest_app`);
    // The data platforms that send OpenLineage events (policies/access/roles.yaml).
    await db.query(`ALTER TABLE role_bindings DROP CONSTRAINT role_bindings_role_check`);
    await db.query(`
      ALTER TABLE role_bindings ADD CONSTRAINT role_bindings_role_check
      CHECK (role IN ('admin', 'model_owner', 'automation_owner', 'compliance_officer', 'auditor', 'service', 'lineage_producer'))`);
    // Matching what OpenLineage names to what is registered: by location.
    await db.query(`CREATE INDEX dataset_versions_source ON dataset_versions (tenant_id, rtrim(source_uri, '/'))`);
    await db.query(`CREATE INDEX dataset_versions_digest ON dataset_versions (tenant_id, digest)`);
    await db.query(`CREATE INDEX model_versions_artifact ON model_versions (tenant_id, rtrim(artifact_uri, '/'))`);
    // impactOf counts a model version's decisions by status and month from the index alone: the
    // same index as before (listing a model version's decisions), now covering the status too.
    await db.query(`DROP INDEX decisions_model_version`);
    await db.query(`CREATE INDEX decisions_model_version ON decisions (model_version_id, recorded_at DESC) INCLUDE (status)`);
    // Walking down from an automation version to its decisions.
    await db.query(`CREATE INDEX decisions_automation_version ON decisions (automation_version_id, recorded_at)`);

    // security_invoker: the view reads as the caller, so each table's row-level security applies.
    await db.query(`
      CREATE VIEW lineage_edges_all WITH (security_invoker = true) AS
        SELECT mvd.tenant_id, CASE mvd.purpose WHEN 'training' THEN 'trained_on' ELSE 'evaluated_on' END AS kind,
               'dataset_version'::text AS upstream_type, mvd.dataset_version_id AS upstream_id,
               'model_version'::text AS downstream_type, mvd.model_version_id AS downstream_id, mv.created_at AS at, NULL::uuid AS run_id
          FROM model_version_datasets mvd JOIN model_versions mv ON mv.id = mvd.model_version_id
        UNION ALL
        SELECT avm.tenant_id, 'uses_model', 'model_version', avm.model_version_id, 'automation_version', avm.automation_version_id, av.created_at, NULL
          FROM automation_version_models avm JOIN automation_versions av ON av.id = avm.automation_version_id
        UNION ALL
        SELECT d.tenant_id, 'produced_by', 'automation_version', d.automation_version_id, 'decision', d.id, d.recorded_at, NULL FROM decisions d
        UNION ALL
        SELECT d.tenant_id, 'uses_model', 'model_version', d.model_version_id, 'decision', d.id, d.recorded_at, NULL FROM decisions d
        UNION ALL
        SELECT r.tenant_id, 'reviewed_by', 'decision', r.decision_id, 'review', r.id, r.created_at, NULL FROM decision_reviews r
        UNION ALL
        SELECT e.tenant_id, e.kind, e.upstream_type, e.upstream_id, e.downstream_type, e.downstream_id, e.at, e.run_id FROM lineage_edges e`);
    await db.query(`GRANT SELECT ON lineage_edges_all TO attest_app`);
  }

  /**
   * Told edges are facts too (what a decision read, what a run consumed): append-only, and each a
   * leaf of the tenant's ledger, written by the same kind of trigger as the other facts'
   * (migrations/1764316800000-Ledger.ts); the ledger's fact dispatcher learns the new kind.
   */
  private async ledgerEdges(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER lineage_edges_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lineage_edges
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    await db.query(`
      CREATE FUNCTION attest_ledger_fact_lineage_edge(r lineage_edges) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object('kind', 'lineage_edge', 'id', r.id, 'tenantId', r.tenant_id, 'edge', r.kind,
          'upstreamType', r.upstream_type, 'upstreamId', r.upstream_id, 'downstreamType', r.downstream_type,
          'downstreamId', r.downstream_id, 'at', attest_ledger_time(r.at), 'runId', r.run_id) $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_append_lineage_edge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
        SELECT n.tenant_id, 'lineage_edge', n.id::text, attest_ledger_fact_lineage_edge(n)::text FROM new_rows n;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER lineage_edges_ledger AFTER INSERT ON lineage_edges
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attest_ledger_append_lineage_edge()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_ledger_fact(p_kind text, p_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE p_kind
          ${LEDGER_FACTS.map(([kind, table]) => `WHEN '${kind}' THEN (SELECT attest_ledger_fact_${kind}(r) FROM ${table} r WHERE r.id::text = p_id)`).join('\n          ')}
        END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW lineage_edges_all`);
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_ledger_fact(p_kind text, p_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE p_kind
          ${LEDGER_FACTS.filter(([kind]) => kind !== 'lineage_edge')
            .map(([kind, table]) => `WHEN '${kind}' THEN (SELECT attest_ledger_fact_${kind}(r) FROM ${table} r WHERE r.id::text = p_id)`)
            .join('\n          ')}
        END $$`);
    await db.query(`DROP TRIGGER lineage_edges_ledger ON lineage_edges`);
    await db.query(`DROP FUNCTION attest_ledger_append_lineage_edge(), attest_ledger_fact_lineage_edge(lineage_edges)`);
    await db.query(`DROP INDEX decisions_automation_version`);
    await db.query(`DROP INDEX decisions_model_version`);
    await db.query(`CREATE INDEX decisions_model_version ON decisions (model_version_id, recorded_at DESC)`);
    await db.query(`DROP INDEX dataset_versions_source, dataset_versions_digest, model_versions_artifact`);
    await db.query(`DROP FUNCTION attest_tenant_ids()`);
    await db.query(`DROP TABLE lineage_export_cursors, lineage_events, lineage_nodes, lineage_edges`);
    await db.query(`ALTER TABLE role_bindings DROP CONSTRAINT role_bindings_role_check`);
    await db.query(`
      ALTER TABLE role_bindings ADD CONSTRAINT role_bindings_role_check
      CHECK (role IN ('admin', 'model_owner', 'automation_owner', 'compliance_officer', 'auditor', 'service'))`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A registered version with what its snapshot may still change: only its place in the lifecycle. */
const VERSIONS: { table: string; kind: string; lifecycle: string[]; fact: string }[] = [
  {
    table: 'dataset_versions',
    kind: 'dataset_version',
    lifecycle: [],
    // The schema by digest: it can be large, and the leaf need only commit to it.
    fact: `jsonb_build_object('kind', 'dataset_version', 'id', r.id, 'tenantId', r.tenant_id, 'datasetId', r.dataset_id,
      'version', r.version, 'sourceUri', r.source_uri, 'digest', r.digest, 'schema', attest_ledger_digest(r.schema),
      'piiClasses', to_jsonb(r.pii_classes), 'provenance', r.provenance, 'licence', r.licence, 'createdBy', r.created_by,
      'createdAt', attest_ledger_time(r.created_at))`,
  },
  {
    table: 'model_versions',
    kind: 'model_version',
    lifecycle: ['status', 'submitted_by', 'approved_by', 'updated_at'],
    // "Trained on what": each linked dataset version with its digest, so the leaf alone names the data.
    fact: `jsonb_build_object('kind', 'model_version', 'id', r.id, 'tenantId', r.tenant_id, 'modelId', r.model_id,
      'version', r.version, 'artifactUri', r.artifact_uri, 'artifactDigest', r.artifact_digest, 'framework', r.framework,
      'intendedUse', r.intended_use, 'limitations', r.limitations, 'metrics', r.metrics, 'riskTier', r.risk_tier,
      'createdBy', r.created_by, 'createdAt', attest_ledger_time(r.created_at),
      'trainingDatasetVersions', attest_ledger_dataset_links(r.id, 'training'),
      'evaluationDatasetVersions', attest_ledger_dataset_links(r.id, 'evaluation'))`,
  },
  {
    table: 'automation_versions',
    kind: 'automation_version',
    lifecycle: ['status', 'submitted_by', 'approved_by', 'updated_at'],
    fact: `jsonb_build_object('kind', 'automation_version', 'id', r.id, 'tenantId', r.tenant_id, 'automationId', r.automation_id,
      'version', r.version, 'purpose', r.purpose, 'domain', r.domain, 'riskClass', r.risk_class,
      'oversightMode', r.oversight_mode, 'environment', r.environment, 'createdBy', r.created_by,
      'createdAt', attest_ledger_time(r.created_at),
      'modelVersionIds', (SELECT coalesce(jsonb_agg(l.model_version_id ORDER BY l.model_version_id), '[]')
                            FROM automation_version_models l WHERE l.automation_version_id = r.id))`,
  },
];

/** The tables linking a version to what it was built from, and the leaf kind that fixes them. */
const LINKS: { table: string; version: string; kind: string }[] = [
  { table: 'model_version_datasets', version: 'model_version_id', kind: 'model_version' },
  { table: 'automation_version_models', version: 'automation_version_id', kind: 'automation_version' },
];

/** Every fact kind attest_ledger_facts looks up: the earlier ones exactly as LedgerFactLookup wrote them. */
const LEDGER_FACTS: { kind: string; table: string; key: 'uuid' | 'bigint' }[] = [
  { kind: 'audit_event', table: 'audit_events', key: 'uuid' },
  { kind: 'decision', table: 'decisions', key: 'uuid' },
  { kind: 'decision_review', table: 'decision_reviews', key: 'uuid' },
  { kind: 'lifecycle_transition', table: 'lifecycle_transitions', key: 'uuid' },
  { kind: 'lifecycle_approval', table: 'lifecycle_approvals', key: 'uuid' },
  { kind: 'policy_pack_activation', table: 'policy_pack_activations', key: 'uuid' },
  { kind: 'lineage_edge', table: 'lineage_edges', key: 'bigint' },
];

const ALL_VERSION_TABLES = [...VERSIONS.map((v) => v.table), ...LINKS.map((l) => l.table)];

/**
 * A registered version is an immutable snapshot (issue 13, item 7): its digests, labels and links
 * are what decisions were made with, so they must be as tamper-evident as the decisions.
 *
 * - The application role loses UPDATE and DELETE on the versions and their links; it keeps only
 *   the column-level UPDATE the lifecycle path makes (status, who submitted and approved, when).
 * - Guard triggers refuse any other change and any delete or truncate, to every role, owner and
 *   superuser included, like the decisions' and audit events' (`attest_reject_change`).
 * - Every version becomes a ledger leaf (`dataset_version`, `model_version`, `automation_version`).
 *   The links are part of their version's fact rather than facts of their own: they are written by
 *   later statements of the registering transaction, so the leaf is written by a constraint trigger
 *   deferred to commit, when the links are all there; and once the leaf exists no link may be
 *   added to the version. The lifecycle moves are facts already (`lifecycle_transition`).
 */
export class ImmutableRegistryVersions1764748800000 implements MigrationInterface {
  name = 'ImmutableRegistryVersions1764748800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE UPDATE, DELETE ON ${ALL_VERSION_TABLES.join(', ')} FROM attest_app`);
    for (const { table, lifecycle } of VERSIONS.filter((v) => v.lifecycle.length > 0)) {
      await db.query(`GRANT UPDATE (${lifecycle.join(', ')}) ON ${table} TO attest_app`);
    }
    await this.guards(db);
    await this.ledgerFacts(db);
  }

  private async guards(db: QueryRunner): Promise<void> {
    // The trigger's arguments are the columns that may change; the row minus those must not.
    await db.query(`
      CREATE FUNCTION attest_reject_snapshot_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF to_jsonb(NEW) - TG_ARGV = to_jsonb(OLD) - TG_ARGV THEN RETURN NEW; END IF;
        RAISE EXCEPTION '% is an immutable snapshot: only its lifecycle (%) may change', TG_TABLE_NAME, array_to_string(TG_ARGV, ', ')
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const { table, lifecycle } of VERSIONS) {
      if (lifecycle.length === 0) {
        await db.query(`
          CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
        continue;
      }
      await db.query(`
        CREATE TRIGGER ${table}_snapshot BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION attest_reject_snapshot_change(${lifecycle.map((c) => `'${c}'`).join(', ')})`);
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    }
    for (const { table } of LINKS) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    }
    // A link added after its version's leaf was written would change what the version was built from.
    await db.query(`
      CREATE FUNCTION attest_reject_late_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE late text;
      BEGIN
        EXECUTE format('SELECT n.%I::text FROM new_rows n JOIN ledger_leaves l
                          ON l.tenant_id = n.tenant_id AND l.kind = %L AND l.fact_id = n.%I::text LIMIT 1',
                       TG_ARGV[0], TG_ARGV[1], TG_ARGV[0]) INTO late;
        IF late IS NOT NULL THEN
          RAISE EXCEPTION '%: version % is registered; its links were fixed when it was', TG_TABLE_NAME, late
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    for (const { table, version, kind } of LINKS) {
      await db.query(`
        CREATE TRIGGER ${table}_fixed AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_late_link('${version}', '${kind}')`);
    }
  }

  private async ledgerFacts(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION attest_ledger_dataset_links(p_model_version uuid, p_purpose text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT coalesce(jsonb_agg(jsonb_build_object('id', dv.id, 'digest', dv.digest) ORDER BY dv.id), '[]')
          FROM model_version_datasets l JOIN dataset_versions dv ON dv.id = l.dataset_version_id
         WHERE l.model_version_id = p_model_version AND l.purpose = p_purpose $$`);
    for (const { table, kind, fact } of VERSIONS) {
      await db.query(`
        CREATE FUNCTION attest_ledger_fact_${kind}(r ${table}) RETURNS jsonb LANGUAGE sql STABLE AS $$ SELECT ${fact} $$`);
      await db.query(`
        CREATE FUNCTION attest_ledger_append_${kind}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
          VALUES (NEW.tenant_id, '${kind}', NEW.id::text, attest_ledger_fact_${kind}(NEW)::text);
          RETURN NULL;
        END $$`);
      await db.query(`
        CREATE CONSTRAINT TRIGGER ${table}_ledger AFTER INSERT ON ${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attest_ledger_append_${kind}()`);
    }
    await this.defineFactLookup(db, [...LEDGER_FACTS, ...VERSIONS.map(({ kind, table }) => ({ kind, table, key: 'uuid' as const }))]);
    // Versions registered before the upgrade join the log in the order they were registered; a
    // version that has a leaf already (up again after down) is not given a second one.
    await db.query(`
      INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
      SELECT tenant_id, kind, fact_id, fact FROM (
        ${VERSIONS.map(({ table, kind }) => `SELECT r.tenant_id, '${kind}' AS kind, r.id::text AS fact_id, attest_ledger_fact_${kind}(r)::text AS fact, r.created_at AS at FROM ${table} r`).join(' UNION ALL ')}
      ) f
      WHERE NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.tenant_id = f.tenant_id AND l.kind = f.kind AND l.fact_id = f.fact_id)
      ORDER BY at, kind, fact_id`);
  }

  /** attest_ledger_facts as LedgerFactLookup defines it, over the given kinds. */
  private async defineFactLookup(db: QueryRunner, facts: typeof LEDGER_FACTS): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_ledger_facts(p_kind text, p_ids text[]) RETURNS TABLE (fact_id text, fact jsonb) LANGUAGE sql STABLE AS $$
        ${facts
          .map(
            ({ kind, table, key }) => `SELECT r.id::text, attest_ledger_fact_${kind}(r)
          FROM unnest(attest_ledger_${key}s(p_ids)) k(id) JOIN ${table} r ON r.id = k.id WHERE p_kind = '${kind}'`,
          )
          .join('\n        UNION ALL\n        ')} $$`);
  }

  /**
   * The leaves written meanwhile stay: a ledger is never rewritten. Until `up` runs again (which
   * gives them no second leaf), verifyLedger finds no fact behind them.
   */
  async down(db: QueryRunner): Promise<void> {
    await this.defineFactLookup(db, LEDGER_FACTS);
    for (const { table, kind } of VERSIONS) {
      await db.query(`DROP TRIGGER ${table}_ledger ON ${table}`);
      await db.query(`DROP FUNCTION attest_ledger_append_${kind}(), attest_ledger_fact_${kind}(${table})`);
    }
    await db.query(`DROP FUNCTION attest_ledger_dataset_links(uuid, text)`);
    for (const { table } of LINKS) await db.query(`DROP TRIGGER ${table}_fixed ON ${table}`);
    for (const table of ALL_VERSION_TABLES) await db.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    for (const { table } of VERSIONS.filter((v) => v.lifecycle.length > 0)) await db.query(`DROP TRIGGER ${table}_snapshot ON ${table}`);
    await db.query(`DROP FUNCTION attest_reject_late_link(), attest_reject_snapshot_change()`);
    for (const { table, lifecycle } of VERSIONS.filter((v) => v.lifecycle.length > 0)) {
      await db.query(`REVOKE UPDATE (${lifecycle.join(', ')}) ON ${table} FROM attest_app`);
    }
    await db.query(`GRANT UPDATE, DELETE ON ${ALL_VERSION_TABLES.join(', ')} TO attest_app`);
  }
}

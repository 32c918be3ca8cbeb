import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only fact tables, each with its leaf kind: every row inserted becomes a ledger leaf. */
const FACT_TABLES: { table: string; kind: string; at: string; fact: string }[] = [
  {
    table: 'audit_events',
    at: 'occurred_at',
    kind: 'audit_event',
    fact: `jsonb_build_object('kind', 'audit_event', 'id', r.id, 'tenantId', r.tenant_id, 'actorId', r.actor_id, 'action', r.action,
      'subjectType', r.subject_type, 'subjectId', r.subject_id, 'before', r.before, 'after', r.after, 'changes', r.changes,
      'correlationId', r.correlation_id, 'occurredAt', attest_ledger_time(r.occurred_at))`,
  },
  {
    // Personal data (input, output, context, the trace) is committed to by digest, never copied:
    // the ledger is never erased, the decision's content may have to be.
    table: 'decisions',
    at: 'recorded_at',
    kind: 'decision',
    fact: `jsonb_build_object('kind', 'decision', 'id', r.id, 'tenantId', r.tenant_id, 'automationId', r.automation_id,
      'automationVersionId', r.automation_version_id, 'modelVersionId', r.model_version_id, 'idempotencyKey', r.idempotency_key,
      'requestHash', r.request_hash, 'correlationId', r.correlation_id, 'traceId', r.trace_id, 'inputHash', r.input_hash,
      'input', attest_ledger_digest(r.input), 'output', attest_ledger_digest(r.output), 'context', attest_ledger_digest(r.context),
      'confidence', r.confidence, 'status', r.status, 'policyPackDigest', r.policy_pack_digest, 'policyEffect', r.policy_effect,
      'policyResults', r.policy_results, 'policyFacts', attest_ledger_digest(r.policy_facts), 'redactions', r.redactions,
      'subjectHash', r.subject_hash, 'occurredAt', attest_ledger_time(r.occurred_at), 'recordedAt', attest_ledger_time(r.recorded_at),
      'recordedBy', r.recorded_by,
      'explanation', attest_ledger_digest((SELECT jsonb_agg(jsonb_build_object('kind', s.kind, 'detail', s.detail) ORDER BY s.position)
                                            FROM explanation_steps s WHERE s.decision_id = r.id)))`,
  },
  {
    table: 'decision_reviews',
    at: 'created_at',
    kind: 'decision_review',
    fact: `jsonb_build_object('kind', 'decision_review', 'id', r.id, 'tenantId', r.tenant_id, 'decisionId', r.decision_id,
      'reviewerId', r.reviewer_id, 'verdict', r.verdict, 'rationale', attest_ledger_digest(to_jsonb(r.rationale)),
      'correctedOutput', attest_ledger_digest(r.corrected_output), 'redactions', r.redactions, 'createdAt', attest_ledger_time(r.created_at))`,
  },
  {
    table: 'lifecycle_transitions',
    at: 'at',
    kind: 'lifecycle_transition',
    fact: `jsonb_build_object('kind', 'lifecycle_transition', 'id', r.id, 'tenantId', r.tenant_id, 'subjectType', r.subject_type,
      'subjectId', r.subject_id, 'from', r.from_status, 'to', r.to_status, 'actorId', r.actor_id, 'rationale', r.rationale,
      'at', attest_ledger_time(r.at))`,
  },
  {
    table: 'lifecycle_approvals',
    at: 'created_at',
    kind: 'lifecycle_approval',
    fact: `jsonb_build_object('kind', 'lifecycle_approval', 'id', r.id, 'tenantId', r.tenant_id, 'subjectType', r.subject_type,
      'subjectId', r.subject_id, 'reviewRound', r.review_round, 'approverId', r.approver_id, 'rationale', r.rationale,
      'createdAt', attest_ledger_time(r.created_at))`,
  },
  {
    table: 'policy_pack_activations',
    at: 'created_at',
    kind: 'policy_pack_activation',
    fact: `jsonb_build_object('kind', 'policy_pack_activation', 'id', r.id, 'tenantId', r.tenant_id, 'digest', r.digest,
      'activatedBy', r.activated_by, 'rationale', r.rationale, 'createdAt', attest_ledger_time(r.created_at))`,
  },
];

/**
 * The verifiable ledger (docs/ledger.md). A trigger on every append-only fact table writes the
 * fact's leaf in the same statement, so no write path can forget it and no writer waits on
 * another: positions are not assigned at write time. The sequencer later gives a tenant's
 * unsequenced leaves consecutive positions, stores the perfect-subtree heads they complete in
 * ledger_nodes, and signs a checkpoint, in one transaction.
 *
 * The leaf's `fact` is the jsonb text of the fact as written, kept as text: the bytes hashed are
 * `{"index":<position>,"fact":<fact>}`, built by concatenation, so they never depend on how a
 * later PostgreSQL prints jsonb. `attest_ledger_fact(kind, id)` recomputes a fact from its row
 * (verifyLedger compares the two as jsonb values).
 */
export class Ledger1764316800000 implements MigrationInterface {
  name = 'Ledger1764316800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION attest_ledger_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_digest(v jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT CASE WHEN v IS NULL THEN NULL ELSE 'sha256:' || encode(sha256(convert_to(v::text, 'UTF8')), 'hex') END $$`);

    await db.query(`
      CREATE TABLE ledger_leaves (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        kind text NOT NULL,
        fact_id text NOT NULL,
        fact text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        position bigint CHECK (position >= 0),
        sealed_at timestamptz(3),
        CHECK ((position IS NULL) = (sealed_at IS NULL)),
        UNIQUE (tenant_id, position)
      )`);
    await db.query(`CREATE INDEX ledger_leaves_unsequenced ON ledger_leaves (tenant_id, id) WHERE position IS NULL`);
    await db.query(`CREATE INDEX ledger_leaves_fact ON ledger_leaves (tenant_id, fact_id)`);
    await db.query(`
      CREATE TABLE ledger_nodes (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
        index bigint NOT NULL CHECK (index >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (tenant_id, level, index)
      )`);
    await db.query(`
      CREATE TABLE ledger_checkpoints (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        tree_size bigint NOT NULL CHECK (tree_size > 0),
        root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
        signed_at timestamptz(3) NOT NULL,
        note text NOT NULL,
        PRIMARY KEY (tenant_id, tree_size)
      )`);

    await this.guards(db);
    for (const { table, kind, fact } of FACT_TABLES) {
      await db.query(`
        CREATE FUNCTION attest_ledger_fact_${kind}(r ${table}) RETURNS jsonb LANGUAGE sql STABLE AS $$ SELECT ${fact} $$`);
      await db.query(`
        CREATE FUNCTION attest_ledger_append_${kind}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
          SELECT n.tenant_id, '${kind}', n.id::text, attest_ledger_fact_${kind}(n)::text FROM new_rows n;
          RETURN NULL;
        END $$`);
      await db.query(`
        CREATE TRIGGER ${table}_ledger AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attest_ledger_append_${kind}()`);
    }
    await db.query(`
      CREATE FUNCTION attest_ledger_fact(p_kind text, p_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE p_kind
          ${FACT_TABLES.map(({ table, kind }) => `WHEN '${kind}' THEN (SELECT attest_ledger_fact_${kind}(r) FROM ${table} r WHERE r.id::text = p_id)`).join('\n          ')}
        END $$`);
    // Facts written before the ledger existed join it first, in the order they happened.
    await db.query(`
      INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
      SELECT tenant_id, kind, fact_id, fact FROM (
        ${FACT_TABLES.map(({ table, kind, at }) => `SELECT r.tenant_id, '${kind}' AS kind, r.id::text AS fact_id, attest_ledger_fact_${kind}(r)::text AS fact, r.${at} AS at FROM ${table} r`).join(' UNION ALL ')}
      ) f ORDER BY at, kind, fact_id`);

    for (const table of ['ledger_leaves', 'ledger_nodes', 'ledger_checkpoints']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    }
    await db.query(`GRANT SELECT, INSERT ON ledger_leaves, ledger_nodes, ledger_checkpoints TO attest_app`);
    // The sequencer's one change to a leaf: the position and seal it gets once (the guard checks the rest).
    await db.query(`GRANT UPDATE (position, sealed_at) ON ledger_leaves TO attest_app`);

    // The sequencer looks for work across tenants before it knows one (RLS would show it none): a
    // skip scan of the unsequenced index, so its cost grows with the tenants that have work, not all.
    await db.query(`
      CREATE FUNCTION attest_ledger_pending_tenants() RETURNS TABLE (tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ WITH RECURSIVE pending(tenant_id) AS (
           (SELECT l.tenant_id FROM ledger_leaves l WHERE l.position IS NULL ORDER BY l.tenant_id LIMIT 1)
           UNION ALL
           SELECT (SELECT l.tenant_id FROM ledger_leaves l WHERE l.position IS NULL AND l.tenant_id > p.tenant_id ORDER BY l.tenant_id LIMIT 1)
             FROM pending p WHERE p.tenant_id IS NOT NULL
         )
         SELECT tenant_id FROM pending WHERE tenant_id IS NOT NULL $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_ledger_pending_tenants() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_ledger_pending_tenants() TO attest_app`);
  }

  /**
   * The database backs the ledger's promise: nothing in it changes, for any role (the application
   * role has no UPDATE or DELETE grant to begin with), except a leaf getting its position once.
   * The one way around it is the documented maintenance path (docs/operations.md): the tables'
   * owner or a superuser, in a transaction that sets attest.ledger_maintenance = 'on'.
   */
  private async guards(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION attest_ledger_maintenance(p_table oid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('attest.ledger_maintenance', true), '') = 'on'
                AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = p_table), 'USAGE') $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF attest_ledger_maintenance(TG_RELID) THEN RETURN NULL; END IF;
        RAISE EXCEPTION '% is append-only (the ledger''s maintenance path is in docs/operations.md)', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF attest_ledger_maintenance(TG_RELID) THEN RETURN NEW; END IF;
        IF OLD.position IS NULL AND NEW.position IS NOT NULL
           AND (NEW.id, NEW.tenant_id, NEW.kind, NEW.fact_id, NEW.fact, NEW.created_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.tenant_id, OLD.kind, OLD.fact_id, OLD.fact, OLD.created_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'ledger_leaves: a leaf is sealed once and never changed' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_leaves_seal_only BEFORE UPDATE ON ledger_leaves
      FOR EACH ROW EXECUTE FUNCTION attest_ledger_seal_only()`);
    await db.query(`
      CREATE TRIGGER ledger_leaves_append_only BEFORE DELETE OR TRUNCATE ON ledger_leaves
      FOR EACH STATEMENT EXECUTE FUNCTION attest_ledger_reject_change()`);
    for (const table of ['ledger_nodes', 'ledger_checkpoints']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_ledger_reject_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, kind } of FACT_TABLES) {
      await db.query(`DROP TRIGGER ${table}_ledger ON ${table}`);
      await db.query(`DROP FUNCTION attest_ledger_append_${kind}()`);
    }
    await db.query(`DROP FUNCTION attest_ledger_fact(text, text), attest_ledger_pending_tenants()`);
    for (const { kind, table } of FACT_TABLES) await db.query(`DROP FUNCTION attest_ledger_fact_${kind}(${table})`);
    await db.query(`DROP TABLE ledger_checkpoints, ledger_nodes, ledger_leaves`);
    await db.query(`
      DROP FUNCTION attest_ledger_seal_only(), attest_ledger_reject_change(), attest_ledger_maintenance(oid),
        attest_ledger_digest(jsonb), attest_ledger_time(timestamptz)`);
  }
}

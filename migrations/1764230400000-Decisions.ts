import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions (every automated outcome, redacted, with the policy evaluation that judged it), their
 * ordered explanation steps, and human reviews. All three are append-only: a decision's final
 * outcome is computed from its review, never written over it. Each automation's redaction rules
 * are configuration (one row, replaced by an audited mutation).
 *
 * Not partitioned by month yet: the idempotency key must stay unique per tenant across all time,
 * which a partitioned table can only enforce if the partition key is part of the unique index.
 */
export class Decisions1764230400000 implements MigrationInterface {
  name = 'Decisions1764230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE redaction_rules (
        automation_id uuid PRIMARY KEY REFERENCES automations(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        rules jsonb NOT NULL,
        updated_by uuid NOT NULL REFERENCES principals(id),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE redaction_rules ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON redaction_rules
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON redaction_rules TO attest_app`);
    await db.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_id uuid NOT NULL REFERENCES automations(id),
        automation_version_id uuid NOT NULL REFERENCES automation_versions(id),
        model_version_id uuid NOT NULL REFERENCES model_versions(id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        correlation_id text,
        trace_id text,
        input_hash text NOT NULL,
        input jsonb NOT NULL,
        output jsonb NOT NULL,
        context jsonb NOT NULL DEFAULT '{}',
        confidence double precision CHECK (confidence BETWEEN 0 AND 1),
        status text NOT NULL CHECK (status IN ('recorded', 'pending_review', 'blocked')),
        policy_pack_digest text REFERENCES policy_packs(digest),
        policy_effect text CHECK (policy_effect IN ('allow', 'deny', 'require_review', 'annotate')),
        policy_results jsonb NOT NULL DEFAULT '[]',
        policy_facts jsonb,
        redactions jsonb NOT NULL DEFAULT '[]',
        subject_hash text,
        occurred_at timestamptz(3) NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        recorded_by uuid NOT NULL REFERENCES principals(id),
        UNIQUE (tenant_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX decisions_page ON decisions (tenant_id, recorded_at DESC, id DESC)`);
    await db.query(`CREATE INDEX decisions_automation ON decisions (automation_id, recorded_at DESC, id DESC)`);
    await db.query(`CREATE INDEX decisions_model_version ON decisions (model_version_id, recorded_at DESC)`);
    await db.query(`CREATE INDEX decisions_subject ON decisions (tenant_id, subject_hash) WHERE subject_hash IS NOT NULL`);
    await db.query(`CREATE INDEX decisions_correlation ON decisions (tenant_id, correlation_id) WHERE correlation_id IS NOT NULL`);
    await db.query(`CREATE INDEX decisions_awaiting_review ON decisions (tenant_id, recorded_at, id) WHERE status = 'pending_review'`);
    await db.query(`CREATE INDEX decisions_policy_results ON decisions USING gin (policy_results jsonb_path_ops)`);

    await db.query(`
      CREATE TABLE explanation_steps (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        decision_id uuid NOT NULL REFERENCES decisions(id),
        position smallint NOT NULL CHECK (position >= 0),
        kind text NOT NULL
          CHECK (kind IN ('feature_attribution', 'rule_fired', 'retrieval', 'llm_call', 'tool_call', 'note')),
        detail jsonb NOT NULL,
        PRIMARY KEY (decision_id, position)
      )`);

    await db.query(`
      CREATE TABLE decision_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        decision_id uuid NOT NULL UNIQUE REFERENCES decisions(id),
        reviewer_id uuid NOT NULL REFERENCES principals(id),
        verdict text NOT NULL CHECK (verdict IN ('approve', 'override', 'reject')),
        rationale text NOT NULL,
        corrected_output jsonb,
        redactions jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK ((verdict = 'override') = (corrected_output IS NOT NULL))
      )`);

    for (const table of ['decisions', 'explanation_steps', 'decision_reviews']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
      await db.query(`GRANT SELECT, INSERT ON ${table} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE decision_reviews, explanation_steps, decisions, redaction_rules`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approvals of a version under review, one per approver and review round (a round starts each time
 * the version is submitted for review). A policy may ask for more than one approver: approvals
 * are then recorded while the version stays in review. Append-only.
 */
export class LifecycleApprovals1764144200000 implements MigrationInterface {
  name = 'LifecycleApprovals1764144200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE lifecycle_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        subject_type text NOT NULL CHECK (subject_type IN ('ModelVersion', 'AutomationVersion')),
        subject_id uuid NOT NULL,
        review_round integer NOT NULL CHECK (review_round > 0),
        approver_id uuid NOT NULL REFERENCES principals(id),
        rationale text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (subject_id, review_round, approver_id)
      )`);
    await db.query(`
      CREATE TRIGGER lifecycle_approvals_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lifecycle_approvals
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    await db.query(`ALTER TABLE lifecycle_approvals ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON lifecycle_approvals
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT ON lifecycle_approvals TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lifecycle_approvals`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, withMaintenanceFunctions } from './support/maintenance-role';

/**
 * startLedgerVerification (docs/ledger.md, "Verifying"): a long range of the tenant's log verified
 * as a background job, a slice per transaction. One row per verification: what was asked (the
 * range, the checkpoints the auditor holds), how far the job is (leaves and checkpoints checked,
 * and the compact range it stopped at, so that a lost job resumes where the last slice ended) and
 * the outcome. At most one queued or running per tenant: a second is CONFLICT (the partial unique
 * index). The request and the outcome are audit events.
 */
export class LedgerVerifications1764749100000 implements MigrationInterface {
  name = 'LedgerVerifications1764749100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ledger_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        requested_by uuid NOT NULL REFERENCES principals(id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        from_index bigint NOT NULL CHECK (from_index >= 0),
        to_index bigint NOT NULL CHECK (to_index >= from_index),
        checkpoints jsonb NOT NULL DEFAULT '[]',
        leaves_checked bigint NOT NULL DEFAULT 0,
        checkpoints_checked integer NOT NULL DEFAULT 0,
        resume jsonb,
        result jsonb,
        error text,
        enqueues integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        started_at timestamptz(3),
        finished_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK ((status IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
        CHECK (status <> 'succeeded' OR result IS NOT NULL)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ledger_verifications_one_unfinished ON ledger_verifications (tenant_id) WHERE status IN ('queued', 'running')`,
    );
    await db.query(`CREATE INDEX ledger_verifications_page ON ledger_verifications (tenant_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX ledger_verifications_unfinished ON ledger_verifications (updated_at) WHERE status IN ('queued', 'running')`,
    );
    await db.query(`ALTER TABLE ledger_verifications ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE ledger_verifications FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON ledger_verifications
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON ledger_verifications TO attest_app`);
    // The recovery sweep finds verifications whose job was lost (a restart of the embedded default, a dead worker), across tenants:
    // like every cross-tenant function, it belongs to attest_maintenance, which alone reads this table across tenants (docs/security.md).
    await db.query(`GRANT SELECT (id, tenant_id, status, updated_at) ON ledger_verifications TO ${MAINTENANCE_ROLE}`);
    await db.query(`CREATE POLICY maintenance_cross_tenant ON ledger_verifications TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    await withMaintenanceFunctions(db, async () => {
      await db.query(`
        CREATE FUNCTION attest_stalled_ledger_verifications(p_quiet interval) RETURNS TABLE (id uuid, tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT id, tenant_id FROM ledger_verifications
           WHERE status IN ('queued', 'running') AND updated_at < clock_timestamp() - p_quiet ORDER BY updated_at LIMIT 100 $$`);
    });
    await db.query(`REVOKE ALL ON FUNCTION attest_stalled_ledger_verifications(interval) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_stalled_ledger_verifications(interval) TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await withMaintenanceFunctions(db, () => db.query(`DROP FUNCTION attest_stalled_ledger_verifications(interval)`));
    await db.query(`DROP TABLE ledger_verifications`);
  }
}

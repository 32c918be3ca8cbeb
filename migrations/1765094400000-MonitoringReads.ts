import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, withMaintenanceFunctions } from './support/maintenance-role';

/**
 * Gauges read at scrape time, across tenants, before any tenant is known (docs/monitoring.md
 * "Metrics"): SECURITY DEFINER functions returning counts and times only, never content. The review
 * backlog reads it as the console's overview does (the decisions_awaiting_review partial index, less
 * those with a review: a probe of decision_reviews' unique index each); the last verification per tenant, the
 * finished verifications (few rows per tenant).
 */
export class MonitoringReads1765094400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await withMaintenanceFunctions(db, async () => {
      await db.query(`
        CREATE FUNCTION attest_review_backlog()
          RETURNS TABLE (tenant_id uuid, automation_id uuid, pending bigint, oldest_recorded_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT d.tenant_id, d.automation_id, count(*), min(d.recorded_at)
             FROM decisions d
            WHERE d.status = 'pending_review' AND NOT EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = d.id)
            GROUP BY d.tenant_id, d.automation_id $$`);
      await db.query(`
        CREATE FUNCTION attest_ledger_last_verifications()
          RETURNS TABLE (tenant_id uuid, status text, finished_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT v.tenant_id, v.status, max(v.finished_at)
             FROM ledger_verifications v WHERE v.status IN ('succeeded', 'failed')
            GROUP BY v.tenant_id, v.status $$`);
    });
    // attest_review_backlog asks whether a decision has its review, across tenants: attest_maintenance
    // reads decision_reviews already, with its policy (MonitoringStatistics1765010000000, the drift counts).
    // attest_maintenance reads these columns of ledger_verifications already (the recovery sweep); the finish time too now.
    await db.query(`GRANT SELECT (finished_at) ON ledger_verifications TO ${MAINTENANCE_ROLE}`);
    for (const fn of ['attest_review_backlog()', 'attest_ledger_last_verifications()']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await withMaintenanceFunctions(db, async () => {
      await db.query(`DROP FUNCTION attest_ledger_last_verifications()`);
      await db.query(`DROP FUNCTION attest_review_backlog()`);
    });
    await db.query(`REVOKE SELECT (finished_at) ON ledger_verifications FROM ${MAINTENANCE_ROLE}`);
  }
}

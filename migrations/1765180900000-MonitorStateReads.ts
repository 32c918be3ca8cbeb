import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, withMaintenanceFunctions } from './support/maintenance-role';

/**
 * The drift monitors' states as gauges read at scrape time, across tenants, before any tenant is
 * known (docs/monitoring.md "Metrics"), as attest_review_backlog() reads the review backlog: a
 * SECURITY DEFINER function returning ids, states and values only.
 */
export class MonitorStateReads1765180900000 implements MigrationInterface {
  name = 'MonitorStateReads1765180900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT (automation_id, automation_version_id, metric, state, value) ON monitors TO ${MAINTENANCE_ROLE}`);
    await withMaintenanceFunctions(db, async () => {
      await db.query(`
        CREATE FUNCTION attest_monitor_states()
          RETURNS TABLE (tenant_id uuid, automation_id uuid, automation_version_id uuid, metric text, state text, value double precision)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT m.tenant_id, m.automation_id, m.automation_version_id, m.metric, m.state, m.value FROM monitors m $$`);
    });
    await db.query(`REVOKE ALL ON FUNCTION attest_monitor_states() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_monitor_states() TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await withMaintenanceFunctions(db, async () => {
      await db.query(`DROP FUNCTION attest_monitor_states()`);
    });
    await db.query(`REVOKE SELECT (automation_id, automation_version_id, metric, state, value) ON monitors FROM ${MAINTENANCE_ROLE}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, reclaimMaintenanceFunctions, withMaintenanceFunctions } from './support/maintenance-role';

/**
 * Drift monitors (docs/monitoring.md): per automation version and metric, a reference window (the
 * first N decisions, or a pinned period of days) against the last `window_days` days, two
 * thresholds, and the state the last evaluation found. Evaluated by a periodic job per tenant;
 * attest_monitor_tenants() names the tenants that have monitors (cross-tenant, for the sweep).
 */
export class DriftMonitors1765010100000 implements MigrationInterface {
  name = 'DriftMonitors1765010100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monitors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_version_id uuid NOT NULL REFERENCES automation_versions(id),
        metric text NOT NULL CHECK (metric IN ('confidence_psi', 'confidence_ks', 'label_psi', 'override_rate', 'blocked_rate')),
        reference_decisions integer CHECK (reference_decisions BETWEEN 1 AND 10000000),
        reference_from date,
        reference_to date CHECK (reference_to >= reference_from),
        window_days integer NOT NULL CHECK (window_days BETWEEN 1 AND 366),
        warn_at double precision NOT NULL CHECK (warn_at >= 0),
        alert_at double precision NOT NULL CHECK (alert_at >= warn_at),
        state text NOT NULL DEFAULT 'no_data' CHECK (state IN ('no_data', 'ok', 'warn', 'alert')),
        value double precision,
        evaluated_at timestamptz(3),
        state_since timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        created_by uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (automation_version_id, metric),
        -- The reference is the first N decisions or a pinned period, never both.
        CHECK ((reference_decisions IS NULL) = (reference_from IS NOT NULL AND reference_to IS NOT NULL)),
        CHECK ((reference_from IS NULL) = (reference_to IS NULL))
      )`);
    await db.query(`CREATE INDEX monitors_tenant ON monitors (tenant_id, created_at, id)`);
    await db.query(`ALTER TABLE monitors ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE monitors FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON monitors
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON monitors TO attest_app`);
    await db.query(`GRANT SELECT (tenant_id) ON monitors TO ${MAINTENANCE_ROLE}`);
    await db.query(`CREATE POLICY maintenance_cross_tenant ON monitors TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    await withMaintenanceFunctions(db, async () => {
      await db.query(`
        CREATE FUNCTION attest_monitor_tenants() RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT DISTINCT m.tenant_id FROM monitors m
        $$`);
    });
    await db.query(`REVOKE ALL ON FUNCTION attest_monitor_tenants() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_monitor_tenants() TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await reclaimMaintenanceFunctions(db);
    await db.query(`DROP FUNCTION attest_monitor_tenants()`);
    await withMaintenanceFunctions(db, async () => undefined);
    await db.query(`DROP TABLE monitors`);
  }
}

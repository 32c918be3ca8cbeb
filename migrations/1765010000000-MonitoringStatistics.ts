import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, reclaimMaintenanceFunctions, withMaintenanceFunctions } from './support/maintenance-role';
import { countSealed } from './support/monitoring-statistics';
import { dropPublishedViews, publishViews } from './support/published-views';

/**
 * What decisions publishes for the monitoring context's counting (the context map): the columns of a
 * decision and of a review that the daily statistics need, nothing of the input.
 */
const VIEWS = [
  `CREATE VIEW decision_monitoring_rows WITH (security_invoker = true) AS
    SELECT id, tenant_id, automation_id, automation_version_id, status, confidence, output, recorded_at FROM decisions`,
  `CREATE VIEW decision_review_monitoring_rows WITH (security_invoker = true) AS
    SELECT id, tenant_id, decision_id, verdict FROM decision_reviews`,
];

const TENANT_TABLES = [
  'monitoring_label_paths',
  'monitoring_daily_stats',
  'monitoring_daily_confidence',
  'monitoring_daily_labels',
  'monitoring_label_names',
];

/**
 * Daily statistics per automation version for the drift monitors (docs/monitoring.md), kept the
 * way decision_counts is: a statement trigger on the sequencer's sealing UPDATE of ledger_leaves
 * counts the decisions and reviews that UPDATE sealed, in its transaction. Why there and not on
 * the INSERT into decisions: a counter row per version and day is the hottest row there is, and
 * every concurrent recordDecision of the automation would queue on its lock until commit; the
 * sequencer seals a tenant alone (its advisory lock), so counters never contend, and each leaf is
 * sealed exactly once (position NULL → set), so counts are exact. The price is the sealing delay
 * (seconds): monitors judge windows of days. Reading the statistics never scans decisions.
 */
export class MonitoringStatistics1765010000000 implements MigrationInterface {
  name = 'MonitoringStatistics1765010000000';

  async up(db: QueryRunner): Promise<void> {
    await publishViews(db, VIEWS);
    // The JSON path (keys, as for #>>) to the field of a decision's output that carries its label.
    await db.query(`
      CREATE TABLE monitoring_label_paths (
        automation_id uuid PRIMARY KEY REFERENCES automations(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        path text[] NOT NULL CHECK (cardinality(path) BETWEEN 1 AND 8),
        updated_by uuid NOT NULL REFERENCES principals(id),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    const key = `tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_version_id uuid NOT NULL REFERENCES automation_versions(id),
        day date NOT NULL`;
    await db.query(`
      CREATE TABLE monitoring_daily_stats (
        ${key},
        decisions bigint NOT NULL CHECK (decisions >= 0),
        blocked bigint NOT NULL CHECK (blocked >= 0),
        pending_review bigint NOT NULL CHECK (pending_review >= 0),
        without_confidence bigint NOT NULL CHECK (without_confidence >= 0),
        reviewed bigint NOT NULL CHECK (reviewed >= 0),
        overridden bigint NOT NULL CHECK (overridden BETWEEN 0 AND reviewed),
        PRIMARY KEY (tenant_id, automation_version_id, day)
      )`);
    await db.query(`
      CREATE TABLE monitoring_daily_confidence (
        ${key},
        bucket smallint NOT NULL CHECK (bucket BETWEEN 0 AND 9),
        count bigint NOT NULL CHECK (count > 0),
        PRIMARY KEY (tenant_id, automation_version_id, day, bucket)
      )`);
    await db.query(`
      CREATE TABLE monitoring_daily_labels (
        ${key},
        label text NOT NULL CHECK (length(label) <= 200),
        count bigint NOT NULL CHECK (count > 0),
        PRIMARY KEY (tenant_id, automation_version_id, day, label)
      )`);
    await db.query(`
      CREATE TABLE monitoring_label_names (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_version_id uuid NOT NULL REFERENCES automation_versions(id),
        label text NOT NULL,
        PRIMARY KEY (tenant_id, automation_version_id, label)
      )`);
    for (const table of TENANT_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
      await db.query(`CREATE POLICY maintenance_cross_tenant ON ${table} TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    }
    // The app sets label paths and reads the statistics; only the sealing trigger writes them.
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON monitoring_label_paths TO attest_app`);
    for (const table of TENANT_TABLES.slice(1)) await db.query(`GRANT SELECT ON ${table} TO attest_app`);
    // What the trigger (attest_maintenance's, like every SECURITY DEFINER function) reads and writes.
    await db.query(
      `GRANT SELECT ON monitoring_label_paths, decision_monitoring_rows, decision_review_monitoring_rows TO ${MAINTENANCE_ROLE}`,
    );
    await db.query(`GRANT SELECT ON decision_reviews TO ${MAINTENANCE_ROLE}`);
    await db.query(`CREATE POLICY maintenance_cross_tenant ON decision_reviews TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    for (const table of TENANT_TABLES.slice(1)) await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO ${MAINTENANCE_ROLE}`);

    // SECURITY DEFINER for the reason attest_count_sealed_decisions is: the tenant comes from each row.
    await withMaintenanceFunctions(db, async () => {
      await db.query(`
        CREATE FUNCTION attest_monitoring_count_sealed() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          ${countSealed(
            `sealed n JOIN unsealed o ON o.id = n.id
            WHERE n.kind IN ('decision', 'decision_review') AND o.position IS NULL AND n.position IS NOT NULL`,
            'recorded',
          )};
          RETURN NULL;
        END $$`);
    });
    await db.query(`
      CREATE TRIGGER ledger_leaves_monitoring_statistics AFTER UPDATE ON ledger_leaves
      REFERENCING OLD TABLE AS unsealed NEW TABLE AS sealed
      FOR EACH STATEMENT EXECUTE FUNCTION attest_monitoring_count_sealed()`);
    // What was sealed before this migration (no label path is set yet, so no labels), across
    // tenants: as attest_maintenance, since FORCE hides every tenant's rows from the owner.
    await withMaintenanceFunctions(db, async () => {
      await db.query(`SET LOCAL ROLE ${MAINTENANCE_ROLE}`);
      await db.query(countSealed(`ledger_leaves n WHERE n.kind IN ('decision', 'decision_review') AND n.position IS NOT NULL`, 'recorded'));
      await db.query(`RESET ROLE`);
    });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER ledger_leaves_monitoring_statistics ON ledger_leaves`);
    await reclaimMaintenanceFunctions(db);
    await db.query(`DROP FUNCTION attest_monitoring_count_sealed()`);
    await withMaintenanceFunctions(db, async () => undefined);
    await db.query(`DROP POLICY maintenance_cross_tenant ON decision_reviews`);
    await db.query(`REVOKE SELECT ON decision_reviews FROM ${MAINTENANCE_ROLE}`);
    await db.query(`DROP TABLE ${[...TENANT_TABLES].reverse().join(', ')}`);
    await dropPublishedViews(db, VIEWS);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, withMaintenanceFunctions } from './support/maintenance-role';
import { countSealed, type DecisionDay } from './support/monitoring-statistics';

const STATISTICS = ['monitoring_daily_stats', 'monitoring_daily_confidence', 'monitoring_daily_labels'];

/**
 * The monitoring statistics count a decision on the day it happened (its occurredAt, never later
 * than it was recorded), not the day it was recorded: decisions ingested a week late, or a
 * backfill of last quarter's, land in the windows they belong to, so a monitor's reference period
 * can be history loaded after the fact (docs/monitoring.md). Decisions publishes occurred_at for
 * it; the sealing trigger is redefined, and what was sealed before is counted again the new way.
 */
export class MonitoringByOccurrence1765180800000 implements MigrationInterface {
  name = 'MonitoringByOccurrence1765180800000';

  async up(db: QueryRunner): Promise<void> {
    // A column added at the end: CREATE OR REPLACE keeps the view's grants and security_invoker.
    await db.query(`
      CREATE OR REPLACE VIEW decision_monitoring_rows WITH (security_invoker = true) AS
        SELECT id, tenant_id, automation_id, automation_version_id, status, confidence, output, recorded_at, occurred_at FROM decisions`);
    await recount(db, 'occurred');
  }

  async down(db: QueryRunner): Promise<void> {
    await recount(db, 'recorded');
    // A view cannot drop a column in place: made again as MonitoringStatistics1765010000000 made it.
    await db.query(`DROP VIEW decision_monitoring_rows`);
    await db.query(`
      CREATE VIEW decision_monitoring_rows WITH (security_invoker = true) AS
        SELECT id, tenant_id, automation_id, automation_version_id, status, confidence, output, recorded_at FROM decisions`);
    await db.query(`GRANT SELECT ON decision_monitoring_rows TO attest_app, ${MAINTENANCE_ROLE}`);
  }
}

/** The trigger counts by `day` from now on, and the statistics of what is sealed already are counted again by it. */
async function recount(db: QueryRunner, day: DecisionDay): Promise<void> {
  await withMaintenanceFunctions(db, async () => {
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_monitoring_count_sealed() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${countSealed(
          `sealed n JOIN unsealed o ON o.id = n.id
          WHERE n.kind IN ('decision', 'decision_review') AND o.position IS NULL AND n.position IS NOT NULL`,
          day,
        )};
        RETURN NULL;
      END $$`);
    // Across tenants, as attest_maintenance (FORCE hides every tenant's rows from the owner); it may
    // not delete, so the tables are emptied by their owner, in this transaction.
    await db.query(`TRUNCATE ${STATISTICS.join(', ')}`);
    await db.query(`SET LOCAL ROLE ${MAINTENANCE_ROLE}`);
    await db.query(countSealed(`ledger_leaves n WHERE n.kind IN ('decision', 'decision_review') AND n.position IS NOT NULL`, day));
    await db.query(`RESET ROLE`);
  });
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, reclaimMaintenanceFunctions, withMaintenanceFunctions } from './support/maintenance-role';
import { dropPublishedViews, publishViews } from './support/published-views';

/** Labels kept by name per automation version; the rest count as OTHER_LABEL (docs/monitoring.md). */
const LABEL_NAMES = 50;
const OTHER_LABEL = '(other)';

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

/** A decision's day, in UTC. */
const DAY = (recordedAt: string) => `(${recordedAt} AT TIME ZONE 'UTC')::date`;

/**
 * The statement that counts the decisions and reviews of the leaves `sealedLeaves` names (a FROM
 * item aliased `n`, with its WHERE), into every statistics table at once (data-modifying CTEs:
 * the decisions are read once). Labels: a version keeps its first LABEL_NAMES distinct labels by
 * name (the most frequent of a batch first); later ones count as OTHER_LABEL.
 */
const countSealed = (sealedLeaves: string) => `
  WITH leaves AS MATERIALIZED (SELECT n.kind, n.fact_id FROM ${sealedLeaves}),
  sealed_decisions AS MATERIALIZED (
    SELECT d.tenant_id, d.automation_version_id, ${DAY('d.recorded_at')} AS day, d.status, d.confidence,
           left(d.output #>> p.path, 200) AS label
      FROM leaves n
      JOIN decision_monitoring_rows d ON d.id = CASE WHEN n.kind = 'decision' THEN n.fact_id::uuid END
      LEFT JOIN monitoring_label_paths p ON p.automation_id = d.automation_id
     WHERE n.kind = 'decision'),
  sealed_reviews AS MATERIALIZED (
    SELECT d.tenant_id, d.automation_version_id, ${DAY('d.recorded_at')} AS day,
           count(*) AS reviewed, count(*) FILTER (WHERE r.verdict = 'override') AS overridden
      FROM leaves n
      JOIN decision_review_monitoring_rows r ON r.id = CASE WHEN n.kind = 'decision_review' THEN n.fact_id::uuid END
      JOIN decision_monitoring_rows d ON d.id = r.decision_id
     WHERE n.kind = 'decision_review'
     GROUP BY 1, 2, 3),
  totals AS (
    SELECT tenant_id, automation_version_id, day, count(*) AS decisions,
           count(*) FILTER (WHERE status = 'blocked') AS blocked,
           count(*) FILTER (WHERE status = 'pending_review') AS pending_review,
           count(*) FILTER (WHERE confidence IS NULL) AS without_confidence,
           0::bigint AS reviewed, 0::bigint AS overridden
      FROM sealed_decisions GROUP BY 1, 2, 3
    UNION ALL
    SELECT tenant_id, automation_version_id, day, 0, 0, 0, 0, reviewed, overridden FROM sealed_reviews),
  stats AS (
    INSERT INTO monitoring_daily_stats AS s
      (tenant_id, automation_version_id, day, decisions, blocked, pending_review, without_confidence, reviewed, overridden)
    SELECT tenant_id, automation_version_id, day, sum(decisions), sum(blocked), sum(pending_review),
           sum(without_confidence), sum(reviewed), sum(overridden)
      FROM totals GROUP BY 1, 2, 3
    ON CONFLICT (tenant_id, automation_version_id, day) DO UPDATE SET
      decisions = s.decisions + excluded.decisions, blocked = s.blocked + excluded.blocked,
      pending_review = s.pending_review + excluded.pending_review,
      without_confidence = s.without_confidence + excluded.without_confidence,
      reviewed = s.reviewed + excluded.reviewed, overridden = s.overridden + excluded.overridden),
  confidence AS (
    INSERT INTO monitoring_daily_confidence AS c (tenant_id, automation_version_id, day, bucket, count)
    SELECT tenant_id, automation_version_id, day, least(floor(confidence * 10), 9)::smallint, count(*)
      FROM sealed_decisions WHERE confidence IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, automation_version_id, day, bucket) DO UPDATE SET count = c.count + excluded.count),
  batch_labels AS (
    SELECT b.tenant_id, b.automation_version_id, b.label, b.n, (k.label IS NOT NULL) AS known
      FROM (SELECT tenant_id, automation_version_id, label, count(*) AS n
              FROM sealed_decisions WHERE label IS NOT NULL GROUP BY 1, 2, 3) b
      LEFT JOIN monitoring_label_names k
        ON k.tenant_id = b.tenant_id AND k.automation_version_id = b.automation_version_id AND k.label = b.label),
  admitted AS (
    SELECT tenant_id, automation_version_id, label FROM (
      SELECT b.*, row_number() OVER (PARTITION BY b.automation_version_id ORDER BY b.n DESC, b.label) AS rank,
             ${LABEL_NAMES} - (SELECT count(*) FROM monitoring_label_names k
                                WHERE k.tenant_id = b.tenant_id AND k.automation_version_id = b.automation_version_id) AS room
        FROM batch_labels b WHERE NOT b.known AND b.label <> '${OTHER_LABEL}') ranked
     WHERE rank <= room),
  named AS (
    INSERT INTO monitoring_label_names (tenant_id, automation_version_id, label) SELECT * FROM admitted)
  INSERT INTO monitoring_daily_labels AS l (tenant_id, automation_version_id, day, label, count)
  SELECT d.tenant_id, d.automation_version_id, d.day,
         CASE WHEN b.known OR a.label IS NOT NULL THEN d.label ELSE '${OTHER_LABEL}' END, count(*)
    FROM sealed_decisions d
    JOIN batch_labels b ON b.tenant_id = d.tenant_id AND b.automation_version_id = d.automation_version_id AND b.label = d.label
    LEFT JOIN admitted a ON a.tenant_id = d.tenant_id AND a.automation_version_id = d.automation_version_id AND a.label = d.label
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, automation_version_id, day, label) DO UPDATE SET count = l.count + excluded.count`;

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
          ${countSealed(`sealed n JOIN unsealed o ON o.id = n.id
            WHERE n.kind IN ('decision', 'decision_review') AND o.position IS NULL AND n.position IS NOT NULL`)};
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
      await db.query(countSealed(`ledger_leaves n WHERE n.kind IN ('decision', 'decision_review') AND n.position IS NOT NULL`));
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

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A decision's month, in UTC, as impactOf reports it. */
const MONTH = (recordedAt: string) => `date_trunc('month', ${recordedAt} AT TIME ZONE 'UTC')::date`;

/**
 * impactOf without enumerating decisions (docs/lineage.md): how many decisions each model version
 * made, by status and month, kept up to date as the ledger seals them. The counting rides on the
 * sealing itself: a statement trigger on the sequencer's UPDATE of ledger_leaves adds the decisions
 * that UPDATE sealed, in its transaction. Only one sequencer seals a tenant at a time (its advisory
 * lock), so counters never contend with each other or with writers, and a snapshot sees every
 * decision either sealed and counted or not yet sealed (impactOf counts those few directly). A
 * decision's status and model version never change (decisions are append-only), so a count never
 * has to move between rows.
 */
export class DecisionCounts1764489600000 implements MigrationInterface {
  name = 'DecisionCounts1764489600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE decision_counts (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        model_version_id uuid NOT NULL REFERENCES model_versions(id),
        status text NOT NULL,
        month date NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        PRIMARY KEY (tenant_id, model_version_id, status, month)
      )`);
    await db.query(`ALTER TABLE decision_counts ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON decision_counts
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    // Read by the app, written only by the trigger below (as the owner): no role of the app can set a count.
    await db.query(`GRANT SELECT ON decision_counts TO attest_app`);
    // Only the sealing of a leaf counts (position NULL → set): a maintenance edit of a sealed leaf
    // does not count its decision twice. The CASE keeps the uuid cast off other kinds' fact ids.
    // SECURITY DEFINER: the tenant comes from each decision row, and under the sequencer's
    // row-level security the join to decisions is planned ~100× slower (5 s for 5,000 leaves).
    await db.query(`
      CREATE FUNCTION attest_count_sealed_decisions() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO decision_counts AS c (tenant_id, model_version_id, status, month, count)
        SELECT d.tenant_id, d.model_version_id, d.status, ${MONTH('d.recorded_at')}, count(*)
          FROM sealed n JOIN unsealed o ON o.id = n.id
          JOIN decisions d ON d.id = CASE WHEN n.kind = 'decision' THEN n.fact_id::uuid END
         WHERE n.kind = 'decision' AND o.position IS NULL AND n.position IS NOT NULL
         GROUP BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, model_version_id, status, month) DO UPDATE SET count = c.count + excluded.count;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_leaves_count_decisions AFTER UPDATE ON ledger_leaves
      REFERENCING OLD TABLE AS unsealed NEW TABLE AS sealed
      FOR EACH STATEMENT EXECUTE FUNCTION attest_count_sealed_decisions()`);
    // The decisions sealed before this migration.
    await db.query(`
      INSERT INTO decision_counts (tenant_id, model_version_id, status, month, count)
      SELECT d.tenant_id, d.model_version_id, d.status, ${MONTH('d.recorded_at')}, count(*)
        FROM decisions d
        JOIN ledger_leaves l ON l.tenant_id = d.tenant_id AND l.fact_id = d.id::text AND l.kind = 'decision'
       WHERE l.position IS NOT NULL
       GROUP BY 1, 2, 3, 4`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER ledger_leaves_count_decisions ON ledger_leaves`);
    await db.query(`DROP FUNCTION attest_count_sealed_decisions()`);
    await db.query(`DROP TABLE decision_counts`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenLineage export as queue jobs (docs/lineage.md): per tenant, the cursor is now the ledger
 * position of the last leaf handled (decisions, reviews, model versions and their transitions are
 * exported; the other leaves are passed over), and `generation` names the tenant's current export
 * job, so that a new job id follows each finished batch and each job that gave up.
 * `attest_openlineage_export_due` tells the sweeper which tenants have sealed leaves past their
 * cursor and no pause, in one statement for all tenants (SECURITY DEFINER: it reads across them).
 */
export class OpenLineageExportJobs1764489700000 implements MigrationInterface {
  name = 'OpenLineageExportJobs1764489700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE lineage_export_cursors ADD COLUMN generation integer NOT NULL DEFAULT 0`);
    await db.query(
      `COMMENT ON COLUMN lineage_export_cursors.position IS 'ledger position of the last leaf the OpenLineage export has handled'`,
    );
    // A job is lost (a worker died on its last attempt, Redis was flushed) when the leaf after the
    // cursor has been sealed for p_stuck_after and the cursor has not moved since: the next
    // generation gets a fresh job. Cursors another transaction holds are busy, not stuck.
    await db.query(`
      CREATE FUNCTION attest_openlineage_export_due(p_stuck_after interval) RETURNS TABLE (tenant_id uuid, generation integer)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO lineage_export_cursors (tenant_id) SELECT id FROM tenants ON CONFLICT DO NOTHING;
        UPDATE lineage_export_cursors c SET generation = c.generation + 1, updated_at = clock_timestamp()
         WHERE c.tenant_id IN (
           SELECT s.tenant_id FROM lineage_export_cursors s
             JOIN ledger_leaves l ON l.tenant_id = s.tenant_id AND l.position = s.position + 1
            WHERE s.updated_at < clock_timestamp() - p_stuck_after AND l.sealed_at < clock_timestamp() - p_stuck_after
              AND (s.retry_at IS NULL OR s.retry_at <= clock_timestamp())
              FOR UPDATE OF s SKIP LOCKED);
        RETURN QUERY
        SELECT c.tenant_id, c.generation FROM lineage_export_cursors c
         WHERE (c.retry_at IS NULL OR c.retry_at <= clock_timestamp())
           AND EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.tenant_id = c.tenant_id AND l.position = c.position + 1);
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_openlineage_export_due(interval) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_openlineage_export_due(interval) TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION attest_openlineage_export_due(interval)`);
    await db.query(`ALTER TABLE lineage_export_cursors DROP COLUMN generation`);
  }
}

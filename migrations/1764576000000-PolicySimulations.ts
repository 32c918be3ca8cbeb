import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * simulatePolicyPack (docs/policy-review.md): a candidate pack replayed against the tenant's
 * recorded decisions and lifecycle gates, as a background job with progress. One row per
 * simulation: what was asked (the candidate's files, the filter, the active pack it is compared
 * with), how far the job is, and the report. The request and the outcome are audit events.
 */
export class PolicySimulations1764576000000 implements MigrationInterface {
  name = 'PolicySimulations1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_simulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        requested_by uuid NOT NULL REFERENCES principals(id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        label text,
        source jsonb NOT NULL,
        head_digest text NOT NULL,
        base_digest text,
        filter jsonb NOT NULL DEFAULT '{}',
        total integer,
        processed integer NOT NULL DEFAULT 0,
        enqueues integer NOT NULL DEFAULT 1,
        report jsonb,
        markdown text,
        error text,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        started_at timestamptz(3),
        finished_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK ((status = 'completed') = (report IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX policy_simulations_page ON policy_simulations (tenant_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX policy_simulations_unfinished ON policy_simulations (updated_at) WHERE status IN ('queued', 'running')`);
    await db.query(`ALTER TABLE policy_simulations ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON policy_simulations
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON policy_simulations TO attest_app`);
    // The recovery sweep finds simulations whose job was lost (a restart of the embedded default, a flushed Redis), across tenants.
    await db.query(`
      CREATE FUNCTION attest_stalled_policy_simulations(p_quiet interval) RETURNS TABLE (id uuid, tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT id, tenant_id FROM policy_simulations
         WHERE status IN ('queued', 'running') AND updated_at < clock_timestamp() - p_quiet ORDER BY updated_at LIMIT 100 $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_stalled_policy_simulations(interval) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_stalled_policy_simulations(interval) TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION attest_stalled_policy_simulations(interval)`);
    await db.query(`DROP TABLE policy_simulations`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, reclaimMaintenanceFunctions, withMaintenanceFunctions } from './support/maintenance-role';

/**
 * What each SECURITY DEFINER function reads or writes across tenants (the function in the comment),
 * and nothing more: attest_maintenance owns them all, and these grants and a policy per table are
 * all it has.
 */
const CROSS_TENANT_ACCESS: Record<string, string> = {
  tenants: 'SELECT', // attest_tenant_count, attest_tenant_ids, attest_openlineage_export_due
  api_keys: 'SELECT, UPDATE (last_used_at)', // attest_find_api_key, attest_touch_api_key
  principals: 'SELECT', // attest_principal_grants
  role_bindings: 'SELECT', // attest_principal_grants
  webhook_deliveries: 'SELECT', // attest_stale_webhook_deliveries
  decision_ingest_chunks: 'SELECT, UPDATE (enqueues, enqueued_at)', // attest_claim_stale_ingest_chunks
  ledger_leaves: 'SELECT', // attest_ledger_pending_tenants, attest_openlineage_export_due
  decisions: 'SELECT', // attest_count_sealed_decisions
  decision_counts: 'SELECT, INSERT, UPDATE (count)', // attest_count_sealed_decisions
  lineage_export_cursors: 'SELECT, INSERT, UPDATE (generation, updated_at)', // attest_openlineage_export_due
  policy_simulations: 'SELECT', // attest_stalled_policy_simulations
};

/**
 * Row-level security binds the tables' owner too (docs/security.md, "Owner sessions"). Without
 * FORCE the owner skips every policy: a non-superuser owner's psql session or backfill reads and
 * writes all tenants, and so did every SECURITY DEFINER function, owned by it. Now those functions
 * belong to attest_maintenance, a NOLOGIN role that no session can become, whose policies
 * (`USING (true)`, which the planner folds away) open only the tables above; the owner's own
 * sessions see no tenant's rows until they set attest.tenant_id. Every table with row-level
 * security at this point gets FORCE, whoever added it; later ones must add it themselves
 * (test/row-level-security.e2e-spec.ts checks the catalogue).
 */
export class ForceRowLevelSecurity1764749000000 implements MigrationInterface {
  name = 'ForceRowLevelSecurity1764749000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        CREATE ROLE ${MAINTENANCE_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${MAINTENANCE_ROLE}`);
    for (const [table, privileges] of Object.entries(CROSS_TENANT_ACCESS)) {
      await db.query(`GRANT ${privileges} ON ${table} TO ${MAINTENANCE_ROLE}`);
      await db.query(`CREATE POLICY maintenance_cross_tenant ON ${table} TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    }
    await withMaintenanceFunctions(db, async () => undefined);
    for (const table of await rowLevelSecurityTables(db)) {
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of await rowLevelSecurityTables(db)) {
      await db.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    }
    await reclaimMaintenanceFunctions(db);
    for (const [table, privileges] of Object.entries(CROSS_TENANT_ACCESS)) {
      await db.query(`DROP POLICY maintenance_cross_tenant ON ${table}`);
      await db.query(`REVOKE ${privileges.replace(/ \([^)]*\)/g, '')} ON ${table} FROM ${MAINTENANCE_ROLE}`);
    }
    await db.query(`REVOKE USAGE ON SCHEMA public FROM ${MAINTENANCE_ROLE}`);
  }
}

/** The tables of the schema with row-level security enabled, from the catalogue rather than a list. */
async function rowLevelSecurityTables(db: QueryRunner): Promise<string[]> {
  const rows: { name: string }[] = await db.query(`
    SELECT c.oid::regclass::text AS name FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY 1`);
  return rows.map((r) => r.name);
}

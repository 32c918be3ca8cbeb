import type { QueryRunner } from 'typeorm';

/** The role that owns every SECURITY DEFINER function: the one way across tenants (docs/security.md). */
export const MAINTENANCE_ROLE = 'attest_maintenance';

/**
 * Runs `work` (creating, replacing or dropping SECURITY DEFINER functions), then hands every such
 * function of the schema to attest_maintenance.
 */
export async function withMaintenanceFunctions(db: QueryRunner, work: () => Promise<void>): Promise<void> {
  await asMaintenanceMember(db, async () => {
    await db.query(`GRANT CREATE ON SCHEMA public TO ${MAINTENANCE_ROLE}`); // a function's new owner must have it
    await work();
    for (const signature of await functions(db, `p.prosecdef AND p.proowner <> '${MAINTENANCE_ROLE}'::regrole`)) {
      await db.query(`ALTER FUNCTION ${signature} OWNER TO ${MAINTENANCE_ROLE}`);
    }
    await db.query(`REVOKE CREATE ON SCHEMA public FROM ${MAINTENANCE_ROLE}`);
  });
}

/** The way back (a migration's `down`): attest_maintenance's functions to the role migrating. */
export async function reclaimMaintenanceFunctions(db: QueryRunner): Promise<void> {
  await asMaintenanceMember(db, async () => {
    for (const signature of await functions(db, `p.proowner = '${MAINTENANCE_ROLE}'::regrole`)) {
      await db.query(`ALTER FUNCTION ${signature} OWNER TO CURRENT_USER`);
    }
  });
}

/**
 * A non-superuser owner may give a function to, or take one from, attest_maintenance only as a
 * member of it, so it is one for `work` alone: a member would also take the role's cross-tenant
 * policies into its own sessions, which FORCE ROW LEVEL SECURITY exists to prevent. (Should `work`
 * fail, the migration's rollback takes the membership back too.)
 */
async function asMaintenanceMember(db: QueryRunner, work: () => Promise<void>): Promise<void> {
  const [{ rolsuper }] = await db.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
  // A superuser needs no membership, and granting it would race other databases' migrations as the same superuser.
  if (!rolsuper) await db.query(`GRANT ${MAINTENANCE_ROLE} TO CURRENT_USER`);
  await work();
  if (!rolsuper) await db.query(`REVOKE ${MAINTENANCE_ROLE} FROM CURRENT_USER`);
}

async function functions(db: QueryRunner, condition: string): Promise<string[]> {
  const rows: { signature: string }[] = await db.query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND ${condition}`,
  );
  return rows.map((r) => r.signature);
}

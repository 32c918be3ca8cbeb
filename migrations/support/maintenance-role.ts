import type { QueryRunner } from 'typeorm';

/** The role that owns every SECURITY DEFINER function: the one way across tenants (docs/security.md). */
export const MAINTENANCE_ROLE = 'attest_maintenance';

/**
 * Runs `work` (creating, replacing or dropping SECURITY DEFINER functions), then hands every such
 * function of the schema to attest_maintenance. A non-superuser owner may only do that as a member
 * of the role, so it is one for this transaction alone: a member would also take the role's
 * cross-tenant policies into its own sessions, which FORCE ROW LEVEL SECURITY exists to prevent.
 */
export async function withMaintenanceFunctions(db: QueryRunner, work: () => Promise<void>): Promise<void> {
  const [{ rolsuper }] = await db.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
  // A superuser needs no membership, and granting it would race other databases' migrations as the same superuser.
  if (!rolsuper) await db.query(`GRANT ${MAINTENANCE_ROLE} TO CURRENT_USER`);
  await db.query(`GRANT CREATE ON SCHEMA public TO ${MAINTENANCE_ROLE}`); // a function's new owner must have it
  await work();
  const functions: { signature: string }[] = await db.query(`
    SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef AND p.proowner <> '${MAINTENANCE_ROLE}'::regrole`);
  for (const { signature } of functions) await db.query(`ALTER FUNCTION ${signature} OWNER TO ${MAINTENANCE_ROLE}`);
  await db.query(`REVOKE CREATE ON SCHEMA public FROM ${MAINTENANCE_ROLE}`);
  if (!rolsuper) await db.query(`REVOKE ${MAINTENANCE_ROLE} FROM CURRENT_USER`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, withMaintenanceFunctions } from './support/maintenance-role';

const FUNCTIONS = [
  'attest_find_session(text)',
  'attest_touch_session(uuid)',
  'attest_find_sign_in_link(text)',
  'attest_tenant_by_slug(text)',
];

/**
 * Human sign-in (docs/security.md, "Sessions"): server-side sessions carried by a cookie, one-time
 * sign-in links, and the OpenID Connect identity (issuer + subject) of a principal. Tokens are
 * stored as SHA-256 hashes only. A request's cookie and a link are looked up before the tenant is
 * known, through SECURITY DEFINER functions owned by attest_maintenance that return what
 * authentication needs and nothing else; every change (a session started, touched by the app,
 * ended, a link consumed) happens in the tenant's own transaction under row-level security.
 */
export class HumanSignIn1764925200000 implements MigrationInterface {
  name = 'HumanSignIn1764925200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        principal_id uuid NOT NULL REFERENCES principals(id),
        token_hash text NOT NULL UNIQUE,
        method text NOT NULL CHECK (method IN ('link', 'oidc')),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        last_seen_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        ended_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX sessions_principal ON sessions (tenant_id, principal_id)`);
    await db.query(`
      CREATE TABLE sign_in_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        principal_id uuid NOT NULL REFERENCES principals(id),
        token_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX sign_in_links_principal ON sign_in_links (tenant_id, principal_id)`);
    await db.query(`ALTER TABLE principals ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text`);
    await db.query(`ALTER TABLE principals ADD CONSTRAINT principals_oidc_identity CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`);
    await db.query(`CREATE UNIQUE INDEX principals_oidc_identity_unique ON principals (tenant_id, oidc_issuer, oidc_subject)`);

    for (const table of ['sessions', 'sign_in_links']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO attest_app`);
      await db.query(`CREATE POLICY maintenance_cross_tenant ON ${table} TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    }
    // What the look-ups below read across tenants, and the one column the touch writes.
    await db.query(
      `GRANT SELECT (id, tenant_id, principal_id, token_hash, created_at, last_seen_at, ended_at), UPDATE (last_seen_at) ON sessions TO ${MAINTENANCE_ROLE}`,
    );
    await db.query(`GRANT SELECT (id, tenant_id, principal_id, token_hash, expires_at, used_at) ON sign_in_links TO ${MAINTENANCE_ROLE}`);

    await withMaintenanceFunctions(db, async () => {
      // A session and its principal's grants in one round trip, as attest_find_api_key does for keys.
      await db.query(`
        CREATE FUNCTION attest_find_session(p_token_hash text)
        RETURNS TABLE (id uuid, tenant_id uuid, principal_id uuid, created_at timestamptz, last_seen_at timestamptz, ended_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT s.id, s.tenant_id, s.principal_id, s.created_at, s.last_seen_at, s.ended_at
           FROM sessions s WHERE s.token_hash = p_token_hash $$`);
      await db.query(`
        CREATE FUNCTION attest_touch_session(p_id uuid) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ UPDATE sessions SET last_seen_at = clock_timestamp() WHERE id = p_id AND ended_at IS NULL $$`);
      // Finds a link's tenant; consuming it is a conditional UPDATE in that tenant's transaction.
      await db.query(`
        CREATE FUNCTION attest_find_sign_in_link(p_token_hash text)
        RETURNS TABLE (id uuid, tenant_id uuid, principal_id uuid, expires_at timestamptz, used_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT l.id, l.tenant_id, l.principal_id, l.expires_at, l.used_at FROM sign_in_links l WHERE l.token_hash = p_token_hash $$`);
      // The OIDC tenant and `attest login-link --tenant` name a tenant by slug.
      await db.query(`
        CREATE FUNCTION attest_tenant_by_slug(p_slug text) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT t.id FROM tenants t WHERE t.slug = p_slug $$`);
    });
    for (const fn of FUNCTIONS) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await withMaintenanceFunctions(db, () => db.query(`DROP FUNCTION ${FUNCTIONS.join(', ')}`));
    await db.query(`DROP TABLE sessions, sign_in_links`);
    await db.query(`DROP INDEX principals_oidc_identity_unique`);
    await db.query(`ALTER TABLE principals DROP CONSTRAINT principals_oidc_identity, DROP COLUMN oidc_issuer, DROP COLUMN oidc_subject`);
  }
}

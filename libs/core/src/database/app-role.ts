import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { checkConnection } from './connection-check';

export const APP_ROLE = 'attest_app';

/**
 * Returns the connection URL the application uses. Unless an operator supplied one, the
 * migration-created `attest_app` role is given LOGIN and a password derived from the owner
 * connection (or ATTEST_APP_DATABASE_PASSWORD), so every process sharing a DATABASE_URL agrees.
 */
export async function provisionAppConnection(
  ownerUrl: string,
  options: { appDatabaseUrl?: string; appDatabasePassword?: string },
): Promise<string> {
  if (options.appDatabaseUrl) {
    await checkConnection(options.appDatabaseUrl, 'ATTEST_APP_DATABASE_URL');
    await assertRestrictedRole(options.appDatabaseUrl);
    return options.appDatabaseUrl;
  }
  const password = options.appDatabasePassword ?? derivedAppPassword(ownerUrl);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${owner.escapeLiteral(password)}`).catch(async (error) => {
      // Two processes altering the same role at once: "tuple concurrently updated". One retry.
      if (!/concurrently/.test(String(error))) throw error;
      await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${owner.escapeLiteral(password)}`);
    });
  } finally {
    await owner.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  await assertRestrictedRole(url.toString());
  return url.toString();
}

/**
 * The password of `attest_app` when the operator sets none: a keyed hash of the owner's
 * credentials and the server, not of the database. A role belongs to the whole cluster, so every
 * Attest whose databases share a cluster and an owner must derive the same one, or each start
 * would lock the others' new connections out.
 */
export function derivedAppPassword(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const server = `${url.protocol}//${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}@${url.hostname}:${url.port || '5432'}`;
  return createHmac('sha256', server).update(APP_ROLE).digest('base64url');
}

/** Row-level security means nothing to a superuser or a BYPASSRLS role: refuse to run as one. */
async function assertRestrictedRole(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }>(
      'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    const role = rows[0];
    if (!role || role.rolsuper || role.rolbypassrls) {
      throw new Error(
        `The application database role "${role?.rolname}" is a superuser or has BYPASSRLS; ` +
          'tenant isolation needs a restricted role (see docs/operations.md)',
      );
    }
  } finally {
    await client.end();
  }
}

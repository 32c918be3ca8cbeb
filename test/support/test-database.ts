import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** Owner URL: the connection that runs the migrations. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `attest_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return { url: urlOf(serverUrl, name), name, drop: () => dropDatabase(serverUrl, name) };
}

/**
 * A fresh database owned by a new role with only what migrations need (docs/operations.md,
 * "Database roles"): LOGIN and CREATEROLE, no superuser. `drop()` removes the database, that owner
 * and the roles it created (named `<owner>_…`).
 */
export async function createOwnedTestDatabase(): Promise<TestDatabase & { owner: string; password: string }> {
  const serverUrl = testServerUrl();
  const name = `attest_test_${randomBytes(6).toString('hex')}`;
  const owner = `${name}_owner`;
  const password = randomBytes(12).toString('hex');
  await withClient(serverUrl, async (c) => {
    await c.query(`CREATE ROLE ${owner} LOGIN NOSUPERUSER CREATEROLE NOCREATEDB NOBYPASSRLS PASSWORD '${password}'`);
    await c.query(`CREATE DATABASE ${name} OWNER ${owner}`);
  });
  return {
    url: urlOf(serverUrl, name, { username: owner, password }),
    name,
    owner,
    password,
    async drop() {
      await dropDatabase(serverUrl, name);
      await withClient(serverUrl, async (c) => {
        const { rows } = await c.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname LIKE $1 || '\\_%'`, [owner]);
        for (const { rolname } of rows) await c.query(`DROP ROLE ${rolname}`);
        await c.query(`DROP ROLE ${owner}`);
      });
    },
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function testServerUrl(): string {
  const serverUrl = process.env.ATTEST_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('ATTEST_TEST_SERVER_URL is not set: run the tests through jest (globalSetup)');
  return serverUrl;
}

/** The server's URL for another database, as another role when given. */
function urlOf(serverUrl: string, database: string, role?: { username: string; password: string }): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (role) {
    url.username = role.username;
    url.password = role.password;
  }
  return url.toString();
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

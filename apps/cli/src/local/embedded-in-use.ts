import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../command';

/**
 * The embedded PostgreSQL serves one process: while `npm start` runs, its server holds
 * `<dataDir>/pg/postmaster.pid`. Checked before a command opens the database, so that the user
 * reads what to do instead of a start-up failure (or a stack trace) from deep inside Nest.
 */
export function embeddedDatabaseInUse(dataDir: string): boolean {
  const pid = postmasterPid(join(dataDir, 'pg', 'postmaster.pid'));
  return pid !== undefined && isRunningPostgres(pid);
}

export function embeddedInUseError(dataDir: string): EnvironmentError {
  return new EnvironmentError(
    `the embedded database in ${dataDir} is in use by a running Attest (npm start): stop it first (the embedded database serves one process), or use --url to go through its API`,
  );
}

/** The message the embedded start throws when it finds a live server on the data folder (libs/core). */
export function isEmbeddedInUseFailure(error: unknown): boolean {
  return error instanceof Error && /embedded database in .* is in use/i.test(error.message);
}

function postmasterPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // unreadable (another user's server): let the start itself decide
  }
}

/**
 * A pid left by a crash may since belong to another program: where /proc tells, the process must
 * be a postgres. Without /proc (macOS), signal 0 says whether it exists (EPERM: as another user).
 */
function isRunningPostgres(pid: number): boolean {
  if (existsSync('/proc/self/cmdline')) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EACCES';
    }
  }
  try {
    return process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

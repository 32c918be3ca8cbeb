import { existsSync, readFileSync } from 'node:fs';
import { readFile, readlink, realpath, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StartupError } from '../../startup/startup-error';

export interface LeftoverLog {
  debug(message: string): void;
  warn(message: string): void;
}

/** Who the PID in postmaster.pid is now. */
type PidOwner = 'gone' | 'unrelated' | 'this-folder' | 'unknown';

const WATCHDOG_SCRIPT = 'postgres-watchdog.cjs';
/** A watchdog escalates to SIGKILL after 75 s (postgres-watchdog.cjs). */
const WATCHDOG_STOPS_WITHIN_MS = 90_000;

/** Fast shutdown first; then immediate shutdown; then a kill. Generous: the machine may be loaded. */
const ESCALATION: { signal: NodeJS.Signals; waitMs: number }[] = [
  { signal: 'SIGINT', waitMs: 60_000 },
  { signal: 'SIGQUIT', waitMs: 15_000 },
  { signal: 'SIGKILL', waitMs: 15_000 },
];

/**
 * Makes the data folder free for a new server. A postmaster.pid left by a crash names a process
 * that is either gone, or (PIDs are reused, in containers often at once) an unrelated process, or
 * still this folder's PostgreSQL, left running by an Attest that could not stop it. The first two
 * block PostgreSQL's start for nothing: the file goes. The third is stopped, and we say so. Only a
 * process we can neither identify nor stop makes us refuse, naming it.
 */
export async function clearLeftoverPostmaster(pgDir: string, log: LeftoverLog): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  const pid = await pidIn(pidFile);
  if (pid === undefined) return;
  const owner = await ownerOf(pid, pgDir);
  if (owner === 'this-folder') {
    const attest = watchedFor(pid);
    if (attest !== undefined && isRunning(attest))
      throw inUse(pgDir, `the Attest running as process ${attest} (its PostgreSQL is process ${pid})`);
    // Its watchdog is stopping it already (its Attest has just ended): let it finish.
    if (attest !== undefined && (await ended(pid, WATCHDOG_STOPS_WITHIN_MS))) {
      log.warn(`waited for the embedded PostgreSQL (process ${pid}) of an Attest that ended to stop`);
    } else {
      if (!(await stopProcess(pid))) throw inUse(pgDir, `its PostgreSQL, process ${pid}, which did not stop`);
      log.warn(`stopped the embedded PostgreSQL (process ${pid}) that an earlier Attest left running on ${pgDir}`);
    }
  } else if (owner === 'unknown') {
    throw inUse(pgDir, `process ${pid}, which could not be identified`);
  } else if (owner === 'unrelated') {
    log.warn(`removed a stale ${pidFile}: process ${pid} is not this folder's PostgreSQL`);
  } else {
    log.debug(`removed a stale ${pidFile} left by process ${pid}`);
  }
  // A server stopped by SIGINT removes the file itself; after SIGQUIT or SIGKILL, or a crash, it is left.
  await rm(pidFile, { force: true });
}

/**
 * The process id of a running Attest whose embedded PostgreSQL serves this folder now, if any:
 * what a second process (the CLI) must not start a server beside. A server left running by an
 * Attest that ended does not count: the next start stops it.
 */
export async function attestServing(pgDir: string): Promise<number | undefined> {
  const pid = await pidIn(join(pgDir, 'postmaster.pid'));
  if (pid === undefined || (await ownerOf(pid, pgDir)) !== 'this-folder') return undefined;
  const attest = watchedFor(pid);
  return attest !== undefined && isRunning(attest) ? attest : undefined;
}

async function pidIn(pidFile: string): Promise<number | undefined> {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * On Linux, from /proc: PostgreSQL runs as the owner of its data folder (it refuses otherwise) and
 * works in it (its current directory is the data folder). Elsewhere a live PID stays 'unknown'.
 */
async function ownerOf(pid: number, pgDir: string): Promise<PidOwner> {
  if (!isRunning(pid)) return 'gone';
  if (!existsSync('/proc/self/cwd')) return 'unknown';
  try {
    const [proc, folder] = await Promise.all([stat(`/proc/${pid}`), stat(pgDir)]);
    if (proc.uid !== folder.uid) return 'unrelated';
    const [cwd, exe] = await Promise.all([readlink(`/proc/${pid}/cwd`), readlink(`/proc/${pid}/exe`)]);
    if (cwd !== (await realpath(pgDir))) return 'unrelated';
    // An upgraded binary shows as "postgres (deleted)".
    return basename(exe).replace(/ \(deleted\)$/, '') === 'postgres' ? 'this-folder' : 'unrelated';
  } catch {
    // A process that has just ended (or a zombie) has no cwd to read.
    return isRunning(pid) ? 'unknown' : 'gone';
  }
}

/**
 * The Attest process a server's watchdog serves (its first argument), when the server's parent is
 * a watchdog; undefined for a server whose watchdog is gone (re-parented: left running).
 */
function watchedFor(pid: number): number | undefined {
  try {
    const args = readFileSync(`/proc/${procStat(pid).parent}/cmdline`, 'utf8').split('\0');
    const at = args.findIndex((arg) => basename(arg) === WATCHDOG_SCRIPT);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Signals `pid` with each signal in turn until it has ended; false if it outlives them all. */
async function stopProcess(pid: number): Promise<boolean> {
  for (const { signal, waitMs } of ESCALATION) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      return false; // EPERM: not ours to stop
    }
    if (await ended(pid, waitMs)) return true;
  }
  return false;
}

async function ended(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Whether `pid` names a running process. A zombie (ended, not yet reaped: an orphaned server's
 * new parent may never reap it) counts as ended, although signal 0 still reaches it.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return procStat(pid).state !== 'Z';
  } catch {
    return !existsSync('/proc/self'); // it has just ended; or there is no /proc, and signal 0 is all we know
  }
}

/** From /proc/<pid>/stat: "pid (name) state ppid …", where the name may hold spaces and parentheses. */
function procStat(pid: number): { state: string; parent: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, parent: Number(parent) };
}

function inUse(pgDir: string, user: string): StartupError {
  return new StartupError(
    'ATTEST_DATA_DIR',
    `The embedded database in ${pgDir} is in use by ${user}: stop it, or set ATTEST_DATA_DIR to another folder`,
  );
}

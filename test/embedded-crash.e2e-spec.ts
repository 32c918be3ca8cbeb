import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../libs/core/src/database/embedded/leftover-postmaster';
import { AttestProcess } from './support/attest-process';
import { buildApps } from './support/process-harness';
import { REPO_ROOT } from './support/test-app';
import { until } from './support/until';

/** Long enough for a start or a stop on a loaded two-core machine; nothing here is a time budget. */
const PATIENCE_MS = 90_000;

/**
 * The embedded default after a crash: the built API on its own data folder, killed with SIGKILL
 * (and its PostgreSQL's watchdog with it, to leave a server running), then started again.
 */
describe('the embedded PostgreSQL after a crash', () => {
  let dataDir: string;
  const started: AttestProcess[] = [];
  const others: ChildProcess[] = [];
  const strays: number[] = [];

  beforeAll(buildApps);
  beforeEach(async () => {
    const root = await mkdtemp(join(tmpdir(), 'attest-crash-'));
    await chmod(root, 0o711); // as root, PostgreSQL runs as `postgres` and must traverse it
    dataDir = join(root, 'data');
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((api) => api.stop('SIGKILL')));
    for (const child of others.splice(0)) child.kill('SIGKILL');
    for (const pid of strays.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    // The watchdog of a killed API stops its server: wait for that before removing the folder.
    const postmaster = postmasterPid();
    if (postmaster !== undefined) await until(() => !isRunning(postmaster), 'the PostgreSQL to end', PATIENCE_MS);
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  const startApi = async () => {
    const api = await AttestProcess.start(REPO_ROOT, 'api', {
      ATTEST_DATA_DIR: dataDir,
      ATTEST_LOG_LEVEL: 'warn',
      OTEL_SDK_DISABLED: 'true',
    });
    started.push(api);
    return api;
  };
  const postmasterPid = () => {
    const file = join(dataDir, 'pg', 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
  };
  const parentOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  };

  it('kill -9 of the API stops its PostgreSQL, and the next start opens the same data', async () => {
    const first = await startApi();
    expect(first.stdout).toContain('shown once');
    const postgres = postmasterPid()!;
    expect(isRunning(postgres)).toBe(true);

    await first.stop('SIGKILL');
    await until(() => !isRunning(postgres), 'the PostgreSQL of the killed API to end', PATIENCE_MS);

    const second = await startApi();
    expect(second.stdout).not.toContain('shown once'); // the same database: its tenant exists already
    expect(second.stderr).toBe('');
  });

  it('stops a PostgreSQL an earlier Attest left running on the folder, and says so in one line', async () => {
    const first = await startApi();
    const postgres = postmasterPid()!;
    strays.push(postgres);
    // What no watchdog can prevent: the watchdog itself killed, then the API.
    process.kill(parentOf(postgres), 'SIGKILL');
    await first.stop('SIGKILL');
    expect(isRunning(postgres)).toBe(true);

    const second = await startApi();
    expect(isRunning(postgres)).toBe(false);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `stopped the embedded PostgreSQL (process ${postgres}) that an earlier Attest left running on ${join(dataDir, 'pg')}`,
    );
    expect(second.stdout).not.toContain('shown once');
  });

  it('starts despite a stale postmaster.pid that names a live, unrelated process, and leaves that process alone', async () => {
    await (await startApi()).stop('SIGTERM');
    const unrelated = spawn('sleep', ['600'], { stdio: 'ignore' });
    others.push(unrelated);
    await writeFile(join(dataDir, 'pg', 'postmaster.pid'), `${unrelated.pid}\n${join(dataDir, 'pg')}\n`);

    const second = await startApi();
    expect(second.stderr).toContain(`process ${unrelated.pid} is not this folder's PostgreSQL`);
    expect(isRunning(unrelated.pid!)).toBe(true);
  });

  it('refuses, in one line, a folder whose PostgreSQL a running Attest uses', async () => {
    const first = await startApi();
    const run = await AttestProcess.runToExit(REPO_ROOT, 'api', { ATTEST_DATA_DIR: dataDir, OTEL_SDK_DISABLED: 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The embedded database in ${join(dataDir, 'pg')} is in use by the Attest running as process ${first.pid} (its PostgreSQL is process ${postmasterPid()}): stop it, or set ATTEST_DATA_DIR to another folder`,
    );
    expect(first.alive).toBe(true);
  });
});

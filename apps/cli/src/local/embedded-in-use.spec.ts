import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseInUse, embeddedInUseError, isEmbeddedInUseFailure } from './embedded-in-use';

describe('embeddedDatabaseInUse', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  const pidFile = (pid: number) => writeFileSync(join(dataDir, 'pg', 'postmaster.pid'), `${pid}\n${dataDir}/pg\n1700000000\n5432\n`);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-in-use-'));
    mkdirSync(join(dataDir, 'pg'));
  });
  afterEach(() => {
    server?.kill('SIGKILL');
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is false for a fresh folder and for a pid file whose process is gone', () => {
    expect(embeddedDatabaseInUse(dataDir)).toBe(false);
    pidFile(2 ** 22 + 1); // above Linux's pid_max
    expect(embeddedDatabaseInUse(dataDir)).toBe(false);
  });

  it('is true while a postgres process holds the pid file', async () => {
    // A stand-in server: a live process whose command line names postgres, as the real one's does.
    // Waiting for its first output: until it has exec'd, its /proc entry still shows the test's own command line.
    server = spawn(process.execPath, ['-e', 'console.log("up"); setInterval(() => {}, 1000)', 'postgres', '-D', join(dataDir, 'pg')], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => server!.stdout!.once('data', resolve));
    pidFile(server.pid!);
    expect(embeddedDatabaseInUse(dataDir)).toBe(true);
  });

  it('is false when the pid was reused by another program (where /proc tells)', () => {
    pidFile(process.pid);
    expect(embeddedDatabaseInUse(dataDir)).toBe(process.platform !== 'linux');
  });

  it('recognises the embedded start\'s own refusal and says what to do in one line', () => {
    expect(isEmbeddedInUseFailure(new Error('The embedded database in /x/pg is in use by process 12'))).toBe(true);
    expect(isEmbeddedInUseFailure(new Error('initdb failed'))).toBe(false);
    expect(embeddedInUseError('/srv/attest').message).toBe(
      'the embedded database in /srv/attest is in use by a running Attest (npm start): stop it first (the embedded database serves one process), or use --url to go through its API',
    );
  });
});

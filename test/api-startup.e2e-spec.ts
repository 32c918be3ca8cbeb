import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres, type DatabaseServer } from '@attest/core';
import { AttestProcess, freePort } from './support/attest-process';
import { buildApps } from './support/process-harness';
import { createTestDatabase } from './support/test-database';
import { REPO_ROOT } from './support/test-app';

/**
 * Start-up as an operator meets it: the built API, started with one thing wrong, exits non-zero
 * with one line on stderr naming the setting at fault — no stack, no driver dump, nothing created.
 */
describe('the API start-up', () => {
  let root: string;
  const hashKey = randomBytes(32).toString('hex');
  beforeAll(buildApps);
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'attest-startup-'));
    await chmod(root, 0o711); // as root, the embedded PostgreSQL runs as `postgres` and must traverse it
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const failedStart = async (env: Record<string, string>) => {
    const run = await AttestProcess.runToExit(REPO_ROOT, 'api', { OTEL_SDK_DISABLED: 'true', ...env });
    expect([1, 2]).toContain(run.code); // exited by itself: not killed after the limit (null), not 0
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return { ...run, line: lines[0] };
  };

  describe('refuses a taken PORT before it creates anything', () => {
    let holder: Server;
    afterEach(() => new Promise((resolve) => holder.close(resolve)));

    it('exits with one line naming PORT: no data folder, no tenant, no key printed', async () => {
      holder = createServer();
      const port = await new Promise<number>((resolve) => holder.listen(0, () => resolve((holder.address() as { port: number }).port)));
      const dataDir = join(root, 'data');
      const run = await failedStart({ PORT: String(port), ATTEST_DATA_DIR: dataDir });
      expect(run.line).toBe(`PORT ${port} is already in use (EADDRINUSE): set PORT to a free port`);
      expect(existsSync(dataDir)).toBe(false);
      expect(run.stdout).not.toMatch(/shown once|Bearer/);
    });
  });

  describe('names DATABASE_URL when its server cannot be used', () => {
    let server: DatabaseServer;
    let serverDir: string;
    beforeAll(async () => {
      // A server that checks passwords (the CI server trusts every local connection).
      serverDir = await mkdtemp(join(tmpdir(), 'attest-startup-pg-'));
      await chmod(serverDir, 0o711);
      server = await startEmbeddedPostgres(join(serverDir, 'data'));
    });
    afterAll(async () => {
      await server.stop();
      await rm(serverDir, { recursive: true, force: true });
    });

    it('a wrong password', async () => {
      const url = new URL(server.url);
      url.password = 'not-the-password';
      const run = await failedStart({ DATABASE_URL: url.toString(), ATTEST_HASH_KEY: hashKey });
      expect(run.line).toBe(
        `DATABASE_URL: password authentication failed for user "attest" on 127.0.0.1:${url.port} (28P01): check the user and password in DATABASE_URL`,
      );
    });

    it('a port where nothing listens', async () => {
      const port = await freePort();
      const run = await failedStart({ DATABASE_URL: `postgres://attest:secret@127.0.0.1:${port}/attest`, ATTEST_HASH_KEY: hashKey });
      expect(run.line).toMatch(new RegExp(`^DATABASE_URL: nothing accepts connections on 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
      expect(run.line).not.toContain('secret');
    });

    it('a host that does not exist', async () => {
      const run = await failedStart({
        DATABASE_URL: 'postgres://attest:secret@attest-no-such-host.invalid:5432/attest',
        ATTEST_HASH_KEY: hashKey,
      });
      expect(run.line).toMatch(
        /^DATABASE_URL: host "attest-no-such-host\.invalid" not found \((ENOTFOUND|EAI_AGAIN)\): check the host in DATABASE_URL$/,
      );
    });
  });

  describe('names ATTEST_DATA_DIR when it cannot be written, and fails fast', () => {
    it('a path under a regular file', async () => {
      const file = join(root, 'a-file');
      await writeFile(file, '');
      const run = await failedStart({ ATTEST_DATA_DIR: join(file, 'data') });
      expect(run.line).toBe(
        `ATTEST_DATA_DIR ${join(file, 'data')} is not a writable folder (ENOTDIR: a part of the path is a file): set ATTEST_DATA_DIR to a folder Attest can create and write`,
      );
    });

    it('a path inside /proc (where recursive mkdir never returns)', async () => {
      const run = await failedStart({ ATTEST_DATA_DIR: '/proc/x' });
      expect(run.line).toMatch(/^ATTEST_DATA_DIR \/proc\/x is not a writable folder \(ENOENT/);
    });
  });

  it('says which characters ATTEST_BOOTSTRAP_API_KEY may contain', async () => {
    const run = await failedStart({
      ATTEST_DATA_DIR: join(root, 'data'),
      ATTEST_BOOTSTRAP_API_KEY: 'an admin key with spaces, long enough to pass',
    });
    expect(run.code).toBe(2);
    expect(run.line).toBe(
      'Invalid configuration: ATTEST_BOOTSTRAP_API_KEY may contain only visible ASCII characters (letters, digits and punctuation; no spaces)',
    );
  });

  it('starts while a health probe polls its port and leaves its connections open', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    // Connects every 20 ms and never sends or closes: what a probe that has not timed out yet looks like.
    const idle: Socket[] = [];
    const probe = setInterval(() => idle.push(connect(port, '127.0.0.1').on('error', () => undefined)), 20);
    try {
      const api = await AttestProcess.start(REPO_ROOT, 'api', {
        PORT: String(port),
        DATABASE_URL: database.url,
        ATTEST_HASH_KEY: hashKey,
        OTEL_SDK_DISABLED: 'true',
      });
      clearInterval(probe);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      await api.stop('SIGKILL');
    } finally {
      clearInterval(probe);
      for (const socket of idle) socket.destroy();
      await database.drop();
    }
  });

  it("with PORT=0, prints the port it listens on, in the first key's curl line too", async () => {
    const database = await createTestDatabase();
    const api = await AttestProcess.start(REPO_ROOT, 'api', {
      PORT: '0',
      DATABASE_URL: database.url,
      ATTEST_HASH_KEY: hashKey,
      OTEL_SDK_DISABLED: 'true',
    });
    try {
      const port = Number(/listening on http:\/\/localhost:(\d+)\/graphql/.exec(api.stdout)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(api.stdout).toContain(`curl -s http://localhost:${port}/graphql`);
      // Beside the key, a one-time sign-in link to the console for the same first admin, a person.
      expect(api.stdout).toMatch(new RegExp(`\n {2}http://localhost:${port}/sign-in/link#[A-Za-z0-9_-]{43}\n`));
      expect(api.stdout).toMatch(/attest login-link --principal [0-9a-f-]{36}/);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      await api.stop('SIGKILL');
      await database.drop();
    }
  });
});

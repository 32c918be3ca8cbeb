import { execSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyJwt } from '@attest/identity';
import { ok, REPO_ROOT, startTestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const CLI = join(REPO_ROOT, 'dist/apps/cli/src/main.js');
const JWT_SECRET = randomBytes(32).toString('hex');

/** Runs the built CLI in a child process with only the variables given (nothing leaks from the test's env). */
function attest(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ATTEST_LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the attest CLI (built, as a child process)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'pipe' });
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('migrate applies the migrations once, then reports nothing pending', () => {
    const first = attest(['migrate'], { DATABASE_URL: database.url });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to DATABASE_URL:\n  Foundation1764057600000\n/);
    const second = attest(['migrate'], { DATABASE_URL: database.url });
    expect(second).toEqual({ code: 0, stdout: 'No pending migrations on DATABASE_URL.\n', stderr: '' });
  });

  it('token prints only a JWT with the requested principal, tenant and lifetime', () => {
    const [principal, tenant] = [randomUUID(), randomUUID()];
    const run = attest(['token', '--principal', principal, '--tenant', tenant, '--ttl', '600'], { ATTEST_JWT_SECRET: JWT_SECRET, DATABASE_URL: database.url });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const token = run.stdout.trim();
    expect(verifyJwt(token, { secret: JWT_SECRET, issuer: 'attest' })).toEqual({ sub: principal, tid: tenant });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(600);
  });

  it('token refuses to run on a server without ATTEST_JWT_SECRET, saying so', () => {
    const run = attest(['token', '--principal', randomUUID(), '--tenant', randomUUID()], { DATABASE_URL: database.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ATTEST_JWT_SECRET');
  });

  it('exits 2 with the usage line on bad usage', () => {
    const run = attest(['token', '--principal', randomUUID()], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--tenant is required');
    expect(run.stderr).toContain('Usage: attest token --principal <id> --tenant <id> [--ttl <seconds>]');
    const typo = attest(['token', '--principal', 'dana', '--tenant', randomUUID()], { ATTEST_JWT_SECRET: JWT_SECRET });
    expect(typo).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--principal must be a UUID, got "dana"') });
  });

  it('tenant create prints an admin key, and that key and a minted token work against the API', async () => {
    const run = attest(['tenant', 'create', '--name', 'Acme Insurance', '--slug', 'acme'], { DATABASE_URL: database.url });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [, tenantId, adminId] = /Created tenant "acme" \(([0-9a-f-]{36})\) with admin principal ([0-9a-f-]{36})/.exec(run.stdout) ?? [];
    const [, apiKey] = /Admin API key.*\n\n {2}(\S+)\n/.exec(run.stdout) ?? [];
    expect({ tenantId, adminId, apiKey }).toEqual({ tenantId: expect.any(String), adminId: expect.any(String), apiKey: expect.stringMatching(/^att_/) });

    const duplicate = attest(['tenant', 'create', '--name', 'Acme again', '--slug', 'acme'], { DATABASE_URL: database.url });
    expect(duplicate).toMatchObject({ code: 1, stderr: 'attest tenant create: a tenant with slug "acme" already exists\n' });

    const token = attest(['token', '--principal', adminId, '--tenant', tenantId], { ATTEST_JWT_SECRET: JWT_SECRET, DATABASE_URL: database.url }).stdout.trim();
    // The API on the database the CLI wrote to, sharing its signing key.
    const api = await startTestApp({ DATABASE_URL: database.url, ATTEST_JWT_SECRET: JWT_SECRET });
    try {
      expect(ok(await api.gql(apiKey, '{ tenant { id slug } }')).tenant).toEqual({ id: tenantId, slug: 'acme' });
      expect(ok(await api.gql(token, '{ me { id } }')).me).toEqual({ id: adminId });
    } finally {
      await api.close();
    }
  });

  it('policy test runs the default pack\'s tests (exit 0) and rejects an invalid pack with file:line (exit 2)', () => {
    const good = attest(['policy', 'test'], {});
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/policies\/default: \d+ policies, digest [0-9a-f]{12}\n/);
    expect(good.stdout).toMatch(/^policy tests: (\d+) of \1 cases passed in 1 pack$/m);
    const dir = mkdtempSync(join(tmpdir(), 'attest-bad-pack-'));
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nversion: one\n');
    const bad = attest(['policy', 'test', '--path', dir], {});
    rmSync(dir, { recursive: true, force: true });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.yaml:2: version: must be a positive integer/);
  });
});

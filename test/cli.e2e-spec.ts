import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyJwt } from '@attest/identity';
import { attest } from './support/attest-cli';
import { sealAll } from './support/ledger';
import { ok, REPO_ROOT, startTestApp } from './support/test-app';
import { gqlWithSession, signInWithLink } from './support/browser-session';
import { createTestDatabase } from './support/test-database';
import { buildApps } from './support/process-harness';

const JWT_SECRET = randomBytes(32).toString('hex');
/** The server secret the CLI shares with the API on DATABASE_URL (it keys the ledger's facts). */
const HASH_KEY = randomBytes(32).toString('hex');

describe('the attest CLI (built, as a child process)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    buildApps();
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('--help, <group> --help and <command> --help print usage on stdout (exit 0); --version names the version; an unknown command exits 2', () => {
    expect(attest(['--help'], {})).toMatchObject({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(/^Usage: attest <command> \[options\]\n\nCommands:\n(.|\n)* {2}key issue /),
    });
    expect(attest(['key', '--help'], {})).toMatchObject({
      code: 0,
      stderr: '',
      stdout: expect.stringContaining('Usage: attest key <subcommand> [options]'),
    });
    expect(attest(['key', 'issue', '--help'], {})).toMatchObject({
      code: 0,
      stderr: '',
      stdout: expect.stringContaining('Usage: attest key issue --principal <id>'),
    });
    expect(attest(['--version'], {})).toEqual({ code: 0, stderr: '', stdout: `attest 0.1.0 (node ${process.version})\n` });
    expect(attest(['deploy'], {})).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^attest: unknown command "deploy"\n\nUsage: attest <command>/),
    });
  });

  it("bin/attest runs from another folder, through a symlink, and hands an older node over to the project's Node 24", () => {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bin-'));
    try {
      symlinkSync(join(REPO_ROOT, 'bin/attest'), join(dir, 'attest'));
      const linked = attest(['--version'], {}, { cwd: dir, command: join(dir, 'attest') });
      expect(linked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^attest 0\.1\.0 \(node v24\./) });
      // The machine's own node (20) if there is one: the CLI still runs on the project's.
      if (existsSync('/usr/bin/node')) {
        expect(attest([join(dir, 'attest'), '--version'], {}, { cwd: dir, command: '/usr/bin/node' })).toMatchObject({
          code: 0,
          stdout: expect.stringMatching(/\(node v24\./),
        });
      }
      expect(attest(['deploy'], {}, { cwd: dir, command: join(dir, 'attest') })).toMatchObject({ code: 2, stdout: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bin/attest rebuilds when a source is newer than dist/, and only then', () => {
    const source = join(REPO_ROOT, 'apps/cli/src/main.ts');
    const built = statSync(join(REPO_ROOT, 'dist/apps/cli/src/main.js')).mtimeMs;
    // A source saved after the last build (its content unchanged: the rebuild writes the same dist/).
    const now = new Date();
    utimesSync(source, now, now);
    expect(now.getTime()).toBeGreaterThan(built);
    const bin = join(REPO_ROOT, 'bin/attest');
    const stale = attest(['--version'], {}, { command: bin });
    expect(stale).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^attest 0\.1\.0/),
      stderr: 'attest: building (apps/cli/src/main.ts changed since the last build)...\n',
    });
    expect(attest(['--version'], {}, { command: bin })).toMatchObject({ code: 0, stderr: '' });
  });

  it('migrate applies the migrations once, then reports nothing pending', () => {
    const first = attest(['migrate'], { DATABASE_URL: database.url });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to DATABASE_URL:\n {2}Foundation1764057600000\n/);
    const second = attest(['migrate'], { DATABASE_URL: database.url });
    expect(second).toEqual({ code: 0, stdout: 'No pending migrations on DATABASE_URL.\n', stderr: '' });
  });

  it('token prints only a JWT with the requested principal, tenant and lifetime', () => {
    const [principal, tenant] = [randomUUID(), randomUUID()];
    const run = attest(['token', '--principal', principal, '--tenant', tenant, '--ttl', '600'], {
      ATTEST_JWT_SECRET: JWT_SECRET,
      DATABASE_URL: database.url,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const token = run.stdout.trim();
    expect(verifyJwt(token, { secret: JWT_SECRET, issuer: 'attest', maxLifetimeSeconds: 600 })).toEqual({ sub: principal, tid: tenant });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(600);
  });

  it('token refuses a lifetime longer than the API accepts (ATTEST_JWT_MAX_LIFETIME_SECONDS)', () => {
    const run = attest(['token', '--principal', randomUUID(), '--tenant', randomUUID(), '--ttl', '86400'], {
      ATTEST_JWT_SECRET: JWT_SECRET,
      DATABASE_URL: database.url,
    });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--ttl 86400 is longer than the API accepts (ATTEST_JWT_MAX_LIFETIME_SECONDS: 43200)');
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
    expect(attest(['tenant', 'create', '--name', 'Acme Insurance', '--slug', 'acme'], { DATABASE_URL: database.url })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('ATTEST_HASH_KEY is required with DATABASE_URL'),
    });
    const run = attest(['tenant', 'create', '--name', 'Acme Insurance', '--slug', 'acme'], {
      DATABASE_URL: database.url,
      ATTEST_HASH_KEY: HASH_KEY,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [, tenantId, adminId] = /Created tenant "acme" \(([0-9a-f-]{36})\) with admin principal ([0-9a-f-]{36})/.exec(run.stdout) ?? [];
    const [, apiKey] = /Admin API key.*\n\n {2}(\S+)\n/.exec(run.stdout) ?? [];
    expect({ tenantId, adminId, apiKey }).toEqual({
      tenantId: expect.any(String),
      adminId: expect.any(String),
      apiKey: expect.stringMatching(/^att_/),
    });

    const duplicate = attest(['tenant', 'create', '--name', 'Acme again', '--slug', 'acme'], {
      DATABASE_URL: database.url,
      ATTEST_HASH_KEY: HASH_KEY,
    });
    expect(duplicate).toMatchObject({ code: 1, stderr: 'attest tenant create: a tenant with slug "acme" already exists\n' });

    const token = attest(['token', '--principal', adminId, '--tenant', tenantId], {
      ATTEST_JWT_SECRET: JWT_SECRET,
      DATABASE_URL: database.url,
    }).stdout.trim();
    // The API on the database the CLI wrote to, sharing its signing key and server secret.
    const api = await startTestApp({ DATABASE_URL: database.url, ATTEST_JWT_SECRET: JWT_SECRET, ATTEST_HASH_KEY: HASH_KEY });
    try {
      expect(ok(await api.gql(apiKey, '{ tenant { id slug } }')).tenant).toEqual({ id: tenantId, slug: 'acme' });
      // The facts the CLI wrote are keyed as the API's: the tenant's ledger verifies.
      await sealAll(api);
      expect(ok(await api.gql(apiKey, '{ verifyLedger { ok leavesChecked } }')).verifyLedger).toMatchObject({
        ok: true,
        leavesChecked: expect.any(Number),
      });
      expect(ok(await api.gql(token, '{ me { id } }')).me).toEqual({ id: adminId });
    } finally {
      await api.close();
    }
  });

  it('key issue gives an admin a new working key, and refuses a principal whose role may not issue keys', async () => {
    const local = { DATABASE_URL: database.url, ATTEST_HASH_KEY: HASH_KEY };
    const created = attest(['tenant', 'create', '--name', 'Keys Ltd', '--slug', 'keys-ltd'], local);
    const [, adminId] = /with admin principal ([0-9a-f-]{36})/.exec(created.stdout) ?? [];
    const issued = attest(['key', 'issue', '--principal', adminId, '--tenant', 'keys-ltd'], local);
    expect(issued).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining(`Issued API key "issued by attest key issue"`) });
    const [, key] = /\n\n {2}(att_\S+)\n/.exec(issued.stdout) ?? [];

    const api = await startTestApp({ ...local, ATTEST_JWT_SECRET: JWT_SECRET });
    let auditorId: string;
    try {
      expect(ok(await api.gql(key, '{ me { id } }')).me).toEqual({ id: adminId });
      auditorId = ok(
        await api.gql(key, 'mutation { createPrincipal(input: { kind: HUMAN, name: "dana", email: "dana@keys.example" }) { id } }'),
      ).createPrincipal.id;
      ok(await api.gql(key, `mutation { bindRole(input: { principalId: "${auditorId}", role: AUDITOR }) { id } }`));
    } finally {
      await api.close();
    }
    expect(attest(['key', 'issue', '--principal', auditorId], local)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'attest key issue: dana (auditor) may not issue API keys: an admin issues its key through the API (issueApiKey)\n',
    });
    expect(attest(['key', 'issue', '--principal', adminId, '--tenant', 'default'], local)).toMatchObject({
      code: 1,
      stderr: `attest key issue: no enabled principal ${adminId} in tenant "default": "attest principals list" shows them\n`,
    });
  });

  it('login-link mints a one-time sign-in link for a person that signs in once, and refuses a service', async () => {
    const local = { DATABASE_URL: database.url, ATTEST_HASH_KEY: HASH_KEY, ATTEST_PUBLIC_URL: 'http://console.test' };
    const created = attest(['tenant', 'create', '--name', 'Links Ltd', '--slug', 'links-ltd'], local);
    const [, adminId] = /with admin principal ([0-9a-f-]{36})/.exec(created.stdout) ?? [];
    const [, adminKey] = /Admin API key.*\n\n {2}(\S+)\n/.exec(created.stdout) ?? [];
    const minted = attest(['login-link', '--principal', adminId, '--tenant', 'links-ltd'], local);
    expect(minted).toMatchObject({ code: 0, stderr: '' });
    const [url] = /http:\/\/console\.test\/sign-in\/link#\S+/.exec(minted.stdout) ?? [];
    expect(url).toBeDefined();

    const api = await startTestApp({ ...local, ATTEST_JWT_SECRET: JWT_SECRET });
    let serviceId: string;
    try {
      const { session } = await signInWithLink(api.app, url!);
      expect((await gqlWithSession(api.app, session!, '{ me { id } }')).data?.me).toEqual({ id: adminId });
      expect((await signInWithLink(api.app, url!)).res.status).toBe(401);
      serviceId = ok(await api.gql(adminKey, 'mutation { createPrincipal(input: { kind: SERVICE, name: "etl" }) { id } }')).createPrincipal
        .id;
    } finally {
      await api.close();
    }
    expect(attest(['login-link', '--principal', serviceId], local)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'attest login-link: Only human principals sign in; a service authenticates with an API key\n',
    });
  });

  it("policy test runs the default pack's tests (exit 0) and rejects an invalid pack with file:line (exit 2)", () => {
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

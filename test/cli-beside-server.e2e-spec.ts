import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attest, demoKeys } from './support/attest-cli';
import { AttestProcess, httpCaller } from './support/attest-process';
import { ok, REPO_ROOT } from './support/test-app';
import { buildApps } from './support/process-harness';

/**
 * The CLI as a user runs it next to `npm start` on the embedded default (no DATABASE_URL): the
 * commands that need the database say in one line that it is in use, `seed --demo --url` goes
 * through the running API, and once the API is stopped `attest key issue` replaces a lost key.
 */
describe('the attest CLI beside a running Attest on the embedded database', () => {
  let dir: string;
  let dataDir: string;
  let api: AttestProcess | undefined;
  const adminKey = `test-admin-${randomBytes(24).toString('hex')}`;
  const env = () => ({ ATTEST_DATA_DIR: dataDir });
  const startApi = async () =>
    (api = await AttestProcess.start(REPO_ROOT, 'api', { ...env(), ATTEST_BOOTSTRAP_API_KEY: adminKey, ATTEST_LOG_LEVEL: 'error' }));
  const caller = () => httpCaller(api!.port!, adminKey);

  beforeAll(async () => {
    buildApps();
    dir = mkdtempSync(join(tmpdir(), 'attest-cli-beside-'));
    chmodSync(dir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must reach its data
    dataDir = join(dir, 'data');
    await startApi();
  }, 180_000);
  afterAll(async () => {
    // SIGTERM: the API stops its embedded PostgreSQL on the way out (a SIGKILL would leave it running).
    await api?.stop('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it.each([[['tenant', 'create', '--name', 'Acme', '--slug', 'acme']], [['migrate']], [['seed', '--demo']]])(
    '%j says in one line that the database is in use, with no stack trace',
    (args) => {
      const run = attest(args, env());
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `attest: the embedded database in ${dataDir} is in use by a running Attest (npm start): stop it first (the embedded database serves one process), or use --url to go through its API\n`,
      });
    },
  );

  it("seed --demo --url seeds the admin key's tenant through the running API, decisions of every status included, after the README's walkthrough", async () => {
    // What a newcomer does: the README's walkthrough first, then the demo into the same tenant (no name collides).
    execSync('bash docs/quickstart.sh', {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      env: { ...process.env, ATTEST_URL: `http://127.0.0.1:${api!.port}`, KEY: adminKey },
    });
    const run = attest(['seed', '--demo', '--url', `http://127.0.0.1:${api!.port}`], { ATTEST_API_KEY: adminKey });
    expect(run.stderr).toMatch(/^Seeding the demo into tenant "default" through http:\/\/127\.0\.0\.1:\d+\.\.\.\n$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Decisions of claims-triage: \d recorded, \d sent to review \(1 reviewed\), 1 blocked by policy\.$/m);
    const keys = demoKeys(run.stdout);
    expect(Object.keys(keys).sort()).toEqual(['auditor', 'automation_owner', 'compliance_officer', 'model_owner', 'service']);

    const { decisions } = ok(
      await caller().gql(keys.auditor, '{ decisions(first: 20) { edges { node { correlationId status outcome } } } }'),
    );
    const demoDecisions = decisions.edges
      .map(({ node }: { node: { correlationId: string | null } }) => node)
      .filter((node: { correlationId: string | null }) => node.correlationId?.startsWith('CLM-'));
    const byClaim = Object.fromEntries(
      demoDecisions.map((node: { correlationId: string; status: string; outcome: string }) => [node.correlationId, node]),
    );
    expect(byClaim['CLM-1004']).toMatchObject({ status: 'PENDING_REVIEW', outcome: 'PENDING_REVIEW' });
    expect(byClaim['CLM-1005']).toMatchObject({ status: 'PENDING_REVIEW', outcome: 'OVERRIDDEN' });
    expect(byClaim['CLM-1006']).toMatchObject({ status: 'BLOCKED' });
    expect(Object.keys(byClaim)).toHaveLength(6);

    const again = attest(['seed', '--demo', '--url', `http://127.0.0.1:${api!.port}`], { ATTEST_API_KEY: adminKey });
    expect(again).toMatchObject({
      code: 1,
      stderr: 'attest seed: tenant "default" has the demo already (the automation claims-triage exists)\n',
    });
    const notAdmin = attest(['seed', '--demo', '--url', `http://127.0.0.1:${api!.port}`], { ATTEST_API_KEY: keys.auditor });
    expect(notAdmin).toMatchObject({ code: 2, stderr: expect.stringContaining('ATTEST_API_KEY must be an admin key') });
  });

  it("key issue --url issues a key for a principal of the admin key's tenant through the running API", async () => {
    const { principals } = ok(
      await caller().gql(adminKey, '{ principals(filter: { search: "claims-triage-svc" }) { edges { node { id } } } }'),
    );
    const serviceId = principals.edges[0].node.id;
    const run = attest(['key', 'issue', '--principal', serviceId, '--name', 'rotated', '--url', `http://127.0.0.1:${api!.port}/graphql`], {
      ATTEST_API_KEY: adminKey,
    });
    expect(run).toMatchObject({
      code: 0,
      stderr: '',
      stdout: expect.stringContaining(`for service principal "claims-triage-svc" (${serviceId}) of tenant "default"`),
    });
    const [, key] = /\n\n {2}(att_\S+)\n/.exec(run.stdout) ?? [];
    expect(ok(await caller().gql(key, '{ me { id } }')).me).toEqual({ id: serviceId });
  });

  it('with the API stopped, key issue gives the admin a new key that works, with its audit event', async () => {
    await api!.stop('SIGTERM');
    const list = attest(['principals', 'list', '--tenant', 'default'], env());
    expect(list).toMatchObject({ code: 0, stderr: '' });
    const [, adminId] = /^default\t(\S+)\thuman\tadmin\tadmin$/m.exec(list.stdout) ?? [];
    expect(adminId).toBeDefined();

    const issued = attest(['key', 'issue', '--principal', adminId, '--name', 'replaces a lost key'], env());
    expect(issued).toMatchObject({ code: 0, stderr: '' });
    expect(issued.stdout).toContain(`for human principal "admin" (${adminId}) of tenant "default"`);
    const [, newKey] = /\n\n {2}(att_\S+)\n/.exec(issued.stdout) ?? [];

    await startApi();
    expect(ok(await caller().gql(newKey, '{ me { id } }')).me).toEqual({ id: adminId });
    const { auditEvents } = ok(
      await caller().gql(
        newKey,
        '{ auditEvents(first: 5, filter: { action: "api_key.issued" }) { edges { node { actorId correlationId after } } } }',
      ),
    );
    expect(auditEvents.edges[0].node).toMatchObject({
      actorId: adminId,
      correlationId: expect.stringMatching(/^attest-cli-key-issue-/),
      after: expect.objectContaining({ principalId: adminId, name: 'replaces a lost key' }),
    });
  });
});

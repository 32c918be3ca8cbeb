import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestAsync } from './support/attest-cli';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { publishedKey, tamperText } from './support/evidence-packs';
import { sealAll } from './support/ledger';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { buildApps } from './support/process-harness';

const MOVE =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';

/** An auditor's round trip with the built CLI: export a model version's and a period's pack over HTTP, verify them offline. */
describe('attest evidence export --model-version and --from --to, then evidence verify', () => {
  let t: TestApp;
  let url: string;
  let dir: string;
  let f: AutomationFixture;
  let auditor: { id: string; key: string };
  let from: string;
  let to: string;

  const attest = async (args: string[], env: Record<string, string> = { ATTEST_API_KEY: auditor.key }) => {
    const run = await attestAsync(args, env, { cwd: dir });
    return { code: run.code, out: run.stdout, err: run.stderr };
  };

  beforeAll(async () => {
    buildApps();
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'attest-evidence-'));
    from = new Date(Date.now() - 60_000).toISOString();
    auditor = await principalWithRole(t, 'auditor');
    const officer = await principalWithRole(t, 'compliance_officer');
    f = await automationFixture(t, { trainingPii: ['financial'] });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
    ok(await t.gql(t.adminKey, MOVE, { id: f.modelVersionId, to: 'IN_REVIEW', r: 'ready' }));
    ok(await t.gql(officer.key, MOVE, { id: f.modelVersionId, to: 'APPROVED', r: 'validated' }));
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    to = new Date(Date.now() + 1_000).toISOString();
    await sealAll(t);
    writeFileSync(join(dir, 'pub.pem'), (await publishedKey(t)).pem);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("exports a model version's pack that verifies, the unproved counts printed as skipped", async () => {
    const exported = await attest(['evidence', 'export', '--url', url, '--model-version', f.modelVersionId, '--out', 'model.zip']);
    expect(exported).toMatchObject({ code: 0, out: 'model.zip\n' });
    const verified = await attest(['evidence', 'verify', 'model.zip', '--key', 'pub.pem']);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^ok {4}gate evaluations: 2 gate verdicts/m);
    expect(verified.out).toMatch(/^skip {2}decision counts: 1 decisions .*not proved one by one/m);
    expect(verified.out.trimEnd().split('\n').at(-1)).toBe('VERIFIED');
  });

  it("exports an automation's period, which verifies, and exits 1 on an edited CSV row", async () => {
    const args = ['evidence', 'export', '--url', url, '--from', from, '--to', to, '--automation', f.automationId, '--out', 'period.zip'];
    expect(await attest(args)).toMatchObject({ code: 0, out: 'period.zip\n' });
    expect((await attest(['evidence', 'verify', 'period.zip', '--key', 'pub.pem'])).code).toBe(0);
    writeFileSync(
      join(dir, 'edited.zip'),
      tamperText(readFileSync(join(dir, 'period.zip')), 'audit-events.csv', (text) =>
        text.replace(',model_version.transitioned,', ',model_version.registered,'),
      ),
    );
    const edited = await attest(['evidence', 'verify', 'edited.zip', '--key', 'pub.pem']);
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(
      /^FAIL {2}records against sealed facts: audit-events\.csv line \d+ .*action is "model_version\.registered"/m,
    );
  });

  it('exits 2 when the options ask for more than one pack, or a period with no end', async () => {
    const both = await attest(['evidence', 'export', '--url', url, '--decision', f.modelVersionId, '--model-version', f.modelVersionId]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give exactly one of --decision, --model-version, or --from with --to');
    expect((await attest(['evidence', 'export', '--url', url, '--from', from])).code).toBe(2);
  });
});

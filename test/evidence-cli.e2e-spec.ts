import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestAsync } from './support/attest-cli';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { publishedKey, tamper } from './support/evidence-packs';
import { sealAll } from './support/ledger';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { buildApps } from './support/process-harness';

/**
 * What a compliance officer and an auditor do: `attest evidence export` from the real API over HTTP
 * (the built CLI, in a child process), then `attest evidence verify` offline with the published key.
 */
describe('attest evidence export, then evidence verify', () => {
  let t: TestApp;
  let url: string;
  let dir: string;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let decisionId: string;

  const attest = async (args: string[], env: Record<string, string> = { ATTEST_API_KEY: officer.key }) => {
    const run = await attestAsync(args, env, { cwd: dir });
    return { code: run.code, out: run.stdout, err: run.stderr };
  };

  beforeAll(async () => {
    buildApps();
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'attest-evidence-'));
    officer = await principalWithRole(t, 'compliance_officer');
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
    decisionId = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.3 }) })).recordDecision.decision.id;
    await sealAll(t);
    writeFileSync(join(dir, 'pub.pem'), (await publishedKey(t)).pem);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports a pack that verifies offline, each check printed, exit 0', async () => {
    const exported = await attest(['evidence', 'export', '--url', url, '--decision', decisionId, '--out', 'pack.zip']);
    expect(exported).toMatchObject({ code: 0, out: 'pack.zip\n' });
    expect(exported.err).toMatch(/^wrote \d+ bytes, sha256 [0-9a-f]{64}\n$/);
    const verified = await attest(['evidence', 'verify', 'pack.zip', '--key', 'pub.pem']);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^ok {4}pack files: /m);
    expect(verified.out).toMatch(/^ok {4}re-evaluation: the policies on the recorded facts give require_review/m);
    expect(verified.out.trimEnd().split('\n').at(-1)).toBe('VERIFIED');
  });

  it('exits 1 naming the failed check when the pack was altered, and 2 on a file that is not a pack', async () => {
    const pack = readFileSync(join(dir, 'pack.zip'));
    writeFileSync(
      join(dir, 'edited.zip'),
      tamper(pack, 'decision.json', (d) => ({ ...d, status: 'recorded' })),
    );
    const edited = await attest(['evidence', 'verify', 'edited.zip', '--key', 'pub.pem']);
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(
      /^FAIL {2}records against sealed facts: decision\.json: status is "recorded" in the pack but "pending_review"/m,
    );
    expect(edited.out.trimEnd().split('\n').at(-1)).toBe('NOT VERIFIED: records against sealed facts failed');

    const otherLog = await attest(['evidence', 'verify', 'pack.zip', '--key', 'pub.pem', '--origin', 'attest.local/another-tenant']);
    expect(otherLog.code).toBe(1);
    expect(otherLog.out).toMatch(/^FAIL {2}checkpoint signature: .*not attest\.local\/another-tenant/m);

    writeFileSync(join(dir, 'not-a-pack.zip'), 'hello');
    const unreadable = await attest(['evidence', 'verify', 'not-a-pack.zip', '--key', 'pub.pem']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('not a zip file');
  });

  it("exits 1 with the server's reason when the role may not export evidence", async () => {
    const refused = await attest(['evidence', 'export', '--url', url, '--decision', decisionId, '--out', 'mine.zip'], {
      ATTEST_API_KEY: f.service.key,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('(FORBIDDEN)');
  });
});

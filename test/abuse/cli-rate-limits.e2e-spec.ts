import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '@attest/platform';
import { automationFixture, decisionInput, RECORD } from '../support/decision-fixtures';
import { sealAll } from '../support/ledger';
import { attestAsync } from '../support/attest-cli';
import { ok, principalWithRole, startTestApp, type TestApp } from '../support/test-app';
import { buildApps } from '../support/process-harness';

describe('the CLI waits out rate limits (429 with Retry-After) instead of failing', () => {
  let t: TestApp;
  let limited: INestApplication;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    buildApps();
    t = await startTestApp({ ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
    // The CLI's API: a replica on the same database allowing one request per principal per 20 s.
    // Every command below needs more, so it meets 429 whatever the machine's speed, and must wait
    // as Retry-After says rather than fail half-way.
    limited = await createApp({ ...t.config, rateLimits: { ...t.config.rateLimits, requests: 1, requestsWindowSeconds: 20 } });
    await limited.listen(0);
    url = `http://127.0.0.1:${(limited.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'attest-cli-rate-'));
    const f = await automationFixture(t);
    for (let i = 0; i < 2; i++) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    await sealAll(t);
  });
  afterAll(async () => {
    await limited?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ledger export: says it waits, then writes the whole bundle (exit 0)', async () => {
    const auditor = await principalWithRole(t, 'auditor');
    const run = await attestAsync(
      ['ledger', 'export', '--url', url, '--from', '0', '--to', '1', '--out', 'bundle'],
      { ATTEST_API_KEY: auditor.key },
      { cwd: dir },
    );
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Exported leaves 0 to 1 of /) });
    expect(run.stderr).toMatch(/^the server answered HTTP 429 \(too many requests\): waiting [1-9]\d* s as it asks$/m);
    expect(JSON.parse(readFileSync(join(dir, 'bundle/bundle.json'), 'utf8')).leaves).toHaveLength(2);
  });

  it('policy decisions: says it waits, then exports every record (exit 0)', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const run = await attestAsync(
      ['policy', 'decisions', '--url', url, '--out', 'decisions.jsonl'],
      { ATTEST_API_KEY: officer.key },
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^the server answered HTTP 429 \(too many requests\): waiting [1-9]\d* s as it asks$/m);
    const records = readFileSync(join(dir, 'decisions.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.filter((record) => record.kind !== 'gate')).toEqual([
      expect.objectContaining({ automationKey: expect.any(String) }),
      expect.anything(),
    ]);
  });
});

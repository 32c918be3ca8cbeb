import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import request from 'supertest';
import { formatCheckpoint, LedgerKeys, signNote } from '@attest/ledger';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { attestAsync } from './support/attest-cli';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { ok, startTestApp, type TestApp } from './support/test-app';
import { buildApps } from './support/process-harness';

/**
 * What an auditor does: `attest ledger export` from the real API over HTTP (the built CLI, in a
 * child process), then `attest ledger verify --bundle` offline with the key from the well-known path.
 */
describe('attest ledger export, then ledger verify --bundle', () => {
  let t: TestApp;
  let url: string;
  let dir: string;
  let f: AutomationFixture;
  let origin: string;

  const attest = async (args: string[], env: Record<string, string> = { ATTEST_API_KEY: t.adminKey }) => {
    const run = await attestAsync(args, env, { cwd: dir });
    return { code: run.code, out: run.stdout, err: run.stderr };
  };
  const exportTo = (out: string, ...args: string[]) => attest(['ledger', 'export', '--url', url, '--out', out, ...args]);
  const verify = (bundle: string, ...args: string[]) =>
    attest(['ledger', 'verify', '--bundle', bundle, '--key', 'pub.pem', '--origin', origin, ...args]);
  const record = async (n: number) => {
    for (let i = 0; i < n; i++) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    await sealAll(t);
  };
  const latest = async () =>
    ok(await t.gql(t.adminKey, '{ ledgerCheckpoint { origin treeSize note } }')).ledgerCheckpoint as {
      origin: string;
      treeSize: number;
      note: string;
    };
  const manifestOf = (bundle: string) => JSON.parse(readFileSync(join(dir, bundle, 'bundle.json'), 'utf8'));

  beforeAll(async () => {
    buildApps();
    t = await startTestApp();
    await t.app.listen(0);
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'attest-export-'));
    writeFileSync(join(dir, 'pub.pem'), (await request(t.app.getHttpServer()).get('/.well-known/attest/ledger-key')).body.publicKeyPem);
    f = await automationFixture(t);
    await record(3);
    origin = (await latest()).origin;
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports every leaf with its proof and its fact now, and the bundle verifies (exit 0)', async () => {
    const { treeSize, note } = await latest();
    const exported = await exportTo('all', '--from', '0', '--to', String(treeSize - 1));
    expect(exported).toEqual({
      code: 0,
      out: `Exported leaves 0 to ${treeSize - 1} of ${origin}, against the checkpoint of ${treeSize} leaves, into all\n`,
      err: '',
    });

    expect(JSON.parse(readFileSync(join(dir, 'all/checkpoint.json'), 'utf8'))).toEqual({ note });
    const manifest = manifestOf('all');
    expect(manifest).toMatchObject({
      format: 'attest-ledger-bundle/1',
      origin,
      from: 0,
      to: treeSize - 1,
      treeSize,
      exportedAt: expect.any(String),
    });
    expect(manifest.leaves.map((l: { index: number }) => l.index)).toEqual([...Array(treeSize).keys()]);
    // Each leaf exactly as the server holds it, byte for byte.
    const last = ok(await t.gql(t.adminKey, `{ ledgerInclusionProof(leafIndex: ${treeSize - 1}) { leaf hashes } }`)).ledgerInclusionProof;
    expect(readFileSync(join(dir, `all/leaves/${treeSize - 1}.json`), 'utf8')).toBe(last.leaf);
    expect(JSON.parse(readFileSync(join(dir, `all/proofs/${treeSize - 1}.json`), 'utf8'))).toEqual({
      type: 'inclusion',
      leafIndex: treeSize - 1,
      treeSize,
      hashes: last.hashes,
    });

    expect(await verify('all')).toEqual({
      code: 0,
      out: expect.stringMatching(
        new RegExp(`^OK: leaves 0 to ${treeSize - 1} of ${origin} are in the tree of ${treeSize} leaves .*each fact unchanged\n$`),
      ),
      err: '',
    });
    expect(
      await attest(['ledger', 'verify', '--bundle', 'all', '--key', 'pub.pem', '--origin', 'attest.local/another-tenant']),
    ).toMatchObject({ code: 1, out: expect.stringMatching(/^FAILED: the checkpoint is of the log/) });
  });

  it('with a held older checkpoint, adds the proof that the log extends it', async () => {
    const older = await latest();
    writeFileSync(join(dir, 'held.json'), JSON.stringify({ note: older.note }));
    await record(2);
    const { treeSize } = await latest();
    expect(treeSize).toBeGreaterThan(older.treeSize);

    const exported = await exportTo('since', '--from', String(older.treeSize), '--to', String(treeSize - 1), '--since', 'held.json');
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringContaining(`with the consistency proof from ${older.treeSize} leaves, into since`),
      err: '',
    });
    expect(JSON.parse(readFileSync(join(dir, 'since/since.json'), 'utf8'))).toEqual({ note: older.note });
    expect(JSON.parse(readFileSync(join(dir, 'since/proofs/consistency.json'), 'utf8'))).toMatchObject({
      type: 'consistency',
      fromSize: older.treeSize,
      toSize: treeSize,
    });
    expect(manifestOf('since').since).toEqual({ treeSize: older.treeSize });

    const verified = await verify('since');
    expect(verified).toMatchObject({
      code: 0,
      out: expect.stringContaining(`; the tree extends the held checkpoint of ${older.treeSize} leaves\n`),
    });
    expect(await verify('since', '--from-checkpoint', 'held.json')).toMatchObject({ code: 0 });
  });

  it('fails a log cut back below the checkpoint the auditor holds, at the first leaf gone', async () => {
    // A checkpoint the log signed when it was longer, as an auditor would have kept it.
    const { treeSize } = await latest();
    const keys = t.app.get(LedgerKeys);
    const longer = signNote(formatCheckpoint({ origin, treeSize: treeSize + 5, rootHash: randomBytes(32), timestamp: new Date() }), {
      name: keys.name,
      privateKey: keys.privateKey,
    });
    writeFileSync(join(dir, 'held-longer.json'), JSON.stringify({ note: longer }));

    const exported = await exportTo('cut', '--from', '0', '--to', '1', '--since', 'held-longer.json');
    expect(exported).toMatchObject({
      code: 0,
      err: expect.stringContaining(
        `warning: no consistency proof from the held checkpoint of ${treeSize + 5} leaves: fromSize ${treeSize + 5} is beyond the tree`,
      ),
    });
    expect(existsSync(join(dir, 'cut/proofs/consistency.json'))).toBe(false);
    expect(manifestOf('cut').since).toEqual({ treeSize: treeSize + 5, error: expect.stringContaining('was cut back') });
    expect(await verify('cut')).toEqual({
      code: 1,
      out: `FAILED at leaf ${treeSize}: the log was cut back below the checkpoint you hold: leaves from ${treeSize} on are gone (you hold ${treeSize + 5} leaves)\n`,
      err: '',
    });
  });

  it('exits 2 with a clear message when the export cannot be made', async () => {
    const { treeSize } = await latest();
    expect(await attest(['ledger', 'export', '--url', url, '--from', '0', '--to', '0', '--out', 'x'], {})).toMatchObject({
      code: 2,
      err: expect.stringContaining('set ATTEST_API_KEY'),
    });
    expect(
      await attest(['ledger', 'export', '--url', url, '--from', '0', '--to', '0', '--out', 'x'], {
        ATTEST_API_KEY: 'not-a-key-of-this-server',
      }),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('the server refused the latest checkpoint'),
    });
    expect(await exportTo('x', '--from', '0', '--to', String(treeSize))).toMatchObject({
      code: 2,
      err: expect.stringContaining(`--to ${treeSize} is beyond it`),
    });
    expect(await exportTo('all', '--from', '0', '--to', '0')).toMatchObject({ code: 2, err: expect.stringContaining('all is not empty') });
    expect(await attest(['ledger', 'export', '--url', `${url}/nowhere`, '--from', '0', '--to', '0', '--out', 'x'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('answered HTTP 404 with no GraphQL response'),
    });
    const closed = await closedPort();
    expect(
      await attest(['ledger', 'export', '--url', `http://127.0.0.1:${closed}`, '--from', '0', '--to', '0', '--out', 'x']),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining(`cannot reach http://127.0.0.1:${closed}/graphql: ECONNREFUSED`),
    });
    expect(await exportTo('x', '--from', '3', '--to', '1')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from is after --to'),
    });
    expect(existsSync(join(dir, 'x'))).toBe(false);
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken/bundle.json'), '{');
    expect(await verify('broken')).toMatchObject({ code: 2, err: expect.stringContaining('not JSON') });
  });

  // Last: it edits this tenant's history.
  it('names the first tampered leaf: a fact edited after it was sealed, or a leaf deleted', async () => {
    const entries = ok(
      await t.gql(t.adminKey, '{ ledgerEntries(first: 100, filter: { kind: "decision" }) { edges { node { index factId } } } }'),
    )
      .ledgerEntries.edges.map((e: { node: { index: number; factId: string } }) => e.node)
      .sort((a: { index: number }, b: { index: number }) => a.index - b.index);
    const [edited, deleted] = [entries[1], entries[3]];
    await asSuperuser(t, `UPDATE decisions SET output = '{"route": "denied"}' WHERE id = $1`, [edited.factId]);
    await asSuperuser(t, 'DELETE FROM ledger_leaves WHERE position = $1', [deleted.index]);
    const { treeSize } = await latest();

    const exported = await exportTo('tampered', '--from', '0', '--to', String(treeSize - 1));
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringContaining(`Exported leaves 0 to ${treeSize - 1} (1 not given by the server)`),
      err: expect.stringContaining(`warning: leaf ${deleted.index} is not in the bundle:`),
    });
    expect(await verify('tampered')).toEqual({
      code: 1,
      out: `FAILED at leaf ${edited.index}: the fact of leaf ${edited.index} was changed after it was sealed (decision ${edited.factId})\n`,
      err: '',
    });
    const after = await exportTo('tail', '--from', String(edited.index + 1), '--to', String(treeSize - 1));
    expect(after.code).toBe(0);
    expect(await verify('tail')).toMatchObject({
      code: 1,
      out: expect.stringMatching(
        new RegExp(`^FAILED at leaf ${deleted.index}: leaf ${deleted.index} is missing \\(the server answered: .*NOT_FOUND`),
      ),
    });
  });
});

/** SQL as a superuser who turned the triggers off (as the tamper suite does). */
function asSuperuser(t: TestApp, sql: string, params: unknown[]) {
  return withClient(t.databaseUrl, async (c: Client) => {
    await c.query('SET session_replication_role = replica');
    return c.query(sql, params);
  });
}

/** A port nothing listens on: one just given up by a server. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

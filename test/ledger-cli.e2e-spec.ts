import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFixture } from '@attest/ledger/testing';
import { REPO_ROOT } from './support/test-app';
import { buildApps } from './support/process-harness';

const CLI = join(REPO_ROOT, 'dist/apps/cli/src/main.js');

/** `attest ledger verify`, built, as an auditor runs it: files and a public key, no database, no network. */
describe('attest ledger verify (offline)', () => {
  let dir: string;
  const f = bundleFixture();
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const verify = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'ledger', 'verify', ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(() => {
    buildApps();
    dir = mkdtempSync(join(tmpdir(), 'attest-ledger-'));
    file('pub.pem', f.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    file('c12.json', f.checkpointAt(12));
    file('c5.json', f.checkpointAt(5));
    file('leaf7.json', f.leaves[7]);
    file('p7.json', f.inclusion(7, 12));
    file('p5-12.json', f.consistency(5, 12));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies inclusion and consistency with exit code 0', () => {
    expect(
      verify('--checkpoint', 'c12.json', '--key', 'pub.pem', '--proof', 'p7.json', '--leaf', 'leaf7.json', '--origin', f.origin),
    ).toEqual({
      code: 0,
      out: `OK: leaf 7 is in the tree of 12 leaves of ${f.origin}, signed by attest.test at 2026-12-01T10:00:00.000Z\n`,
      err: '',
    });
    expect(verify('--checkpoint', 'c12.json', '--key', 'pub.pem', '--proof', 'p5-12.json', '--from-checkpoint', 'c5.json')).toMatchObject({
      code: 0,
    });
  });

  it('exits 1 with the reason when a leaf, a checkpoint or the tenant does not match', () => {
    file('leaf7-edited.json', f.leaves[7].toString('utf8').replace(/"(blocked|recorded)"/, '"approved"'));
    expect(verify('--checkpoint', 'c12.json', '--key', 'pub.pem', '--proof', 'p7.json', '--leaf', 'leaf7-edited.json')).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^FAILED: leaf 7 .* is not in the tree/),
    });
    file('c12-edited.json', { note: f.checkpointAt(12).note.replace('timestamp 2026-12-01T10:00', 'timestamp 2026-12-01T11:00') });
    expect(verify('--checkpoint', 'c12-edited.json', '--key', 'pub.pem')).toMatchObject({
      code: 1,
      out: expect.stringContaining('does not verify'),
    });
    expect(verify('--checkpoint', 'c12.json', '--key', 'pub.pem', '--origin', 'attest.test/another-tenant')).toMatchObject({ code: 1 });
  });

  it('exits 2 on unreadable input', () => {
    file('broken.json', '{ not json');
    expect(verify('--checkpoint', 'broken.json', '--key', 'pub.pem')).toMatchObject({ code: 2, err: expect.stringContaining('not JSON') });
    expect(verify('--checkpoint', 'c12.json', '--key', 'c12.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('not a public key'),
    });
    expect(verify('--checkpoint', 'missing.json', '--key', 'pub.pem')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
    expect(verify('--key', 'pub.pem').code).toBe(2);
  });
});

import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFixture } from '../testing/bundle-fixture';
import { BundleInputError } from './verify-bundle';
import { readBundleDir } from './read-bundle-dir';
import { writeBundleDir } from './write-bundle-dir';

describe('bundle directories', () => {
  const f = bundleFixture();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'attest-bundle-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written, each leaf byte for byte', () => {
    const bundle = { ...f.exported(12, 3, 6), since: f.checkpointAt(5), consistency: f.consistency(5, 12) };
    writeBundleDir(dir, bundle);
    expect(readFileSync(join(dir, 'leaves/4.json'))).toEqual(f.leaves[4]);
    expect(JSON.parse(readFileSync(join(dir, 'proofs/4.json'), 'utf8'))).toEqual(f.inclusion(4, 12));
    expect(readBundleDir(dir)).toEqual(bundle);
  });

  it('leaves out the files of missing leaves, and refuses what is not a bundle', () => {
    writeBundleDir(dir, f.exported(12, 0, 4));
    unlinkSync(join(dir, 'leaves/2.json'));
    const read = readBundleDir(dir);
    expect([...read.leaves.keys()]).toEqual([0, 1, 3, 4]);
    expect(read.since).toBeUndefined();

    writeFileSync(join(dir, 'proofs/1.json'), JSON.stringify(f.consistency(5, 12)));
    expect(() => readBundleDir(dir)).toThrow(/proofs\/1\.json: not an inclusion proof/);
    writeFileSync(
      join(dir, 'bundle.json'),
      JSON.stringify({ format: 'attest-ledger-bundle/1', origin: f.origin, from: 4, to: 2, treeSize: 12, leaves: [] }),
    );
    expect(() => readBundleDir(dir)).toThrow(/"from" is after "to"/);
    writeFileSync(join(dir, 'bundle.json'), '{}');
    expect(() => readBundleDir(dir)).toThrow(BundleInputError);
    expect(() => readBundleDir(join(dir, 'nowhere'))).toThrow(/bundle\.json: no such file/);
  });
});

import { createHash } from 'node:crypto';
import { InMemoryTree } from './memory-tree';
import { consistencyProof, inclusionProof, rootHash } from './proofs';
import { EMPTY_ROOT_HASH, hashLeafPreimage, headOfLeafHashes, isPowerOfTwo, leafHash, leafPreimage, nodeHash, splitPoint } from './rfc6962';
import { referenceMth, referencePath, referenceProof } from './rfc6962-reference';

/** The leaves of the Certificate Transparency reference tests (RFC 6962's authors' implementation). */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
/** Their tree heads for the first 1..8 leaves, as published with those tests. */
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 hashes', () => {
  it('hashes leaves with 0x00 and nodes with 0x01, and the empty tree as SHA-256 of nothing', () => {
    expect(EMPTY_ROOT_HASH.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(
      leafHash(Buffer.from('L')).equals(
        createHash('sha256')
          .update(Buffer.from([0x00, 0x4c]))
          .digest(),
      ),
    ).toBe(true);
    const [a, b] = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
    expect(
      nodeHash(a, b).equals(
        createHash('sha256')
          .update(Buffer.concat([Buffer.of(0x01), a, b]))
          .digest(),
      ),
    ).toBe(true);
    expect(nodeHash(a, b).equals(nodeHash(b, a))).toBe(false);
  });

  it('gives the published tree heads of the reference test leaves, as the RFC definition does', () => {
    const tree = new InMemoryTree(LEAVES.map(leafHash));
    for (let n = 1; n <= LEAVES.length; n++) {
      expect(rootHash(tree, n).toString('hex')).toBe(ROOTS[n - 1]);
      expect(referenceMth(LEAVES.slice(0, n)).toString('hex')).toBe(ROOTS[n - 1]);
    }
    expect(rootHash(tree, 0).equals(EMPTY_ROOT_HASH)).toBe(true);
  });

  it('builds the same audit paths and consistency proofs as the RFC definition, for every size up to 64', () => {
    const data = Array.from({ length: 64 }, (_, i) => Buffer.from(`leaf-${i}`));
    const tree = new InMemoryTree(data.map(leafHash));
    for (let n = 1; n <= data.length; n++) {
      const d = data.slice(0, n);
      expect(rootHash(tree, n).equals(referenceMth(d))).toBe(true);
      for (let m = 0; m < n; m++) expect(inclusionProof(tree, m, n)).toEqual(referencePath(m, d));
      for (let m = 1; m < n; m++) expect(consistencyProof(tree, m, n)).toEqual(referenceProof(m, d));
    }
  });

  it('hashes a leaf preimage (0x00 ‖ text) as the leaf hash of the text', () => {
    for (const text of ['', '{"a":1}', 'é😀'])
      expect(hashLeafPreimage(leafPreimage(text)).equals(leafHash(Buffer.from(text, 'utf8')))).toBe(true);
    expect(() => hashLeafPreimage(Buffer.from('x'))).toThrow(/0x00/);
    expect(() => nodeHash(Buffer.alloc(31), Buffer.alloc(32))).toThrow(/32-byte/);
  });

  it('computes the same head in one pass over the leaf hashes, for every size up to 300', () => {
    const data = Array.from({ length: 300 }, (_, i) => Buffer.from(`leaf-${i}`));
    const hashes = data.map(leafHash);
    expect(headOfLeafHashes([]).equals(EMPTY_ROOT_HASH)).toBe(true);
    for (let n = 1; n <= data.length; n++) expect(headOfLeafHashes(hashes.slice(0, n)).equals(referenceMth(data.slice(0, n)))).toBe(true);
    expect(headOfLeafHashes(LEAVES.map(leafHash)).toString('hex')).toBe(ROOTS[7]);
  });

  it('splits where the RFC does, and knows powers of two beyond 32 bits', () => {
    expect([2, 3, 4, 5, 8, 9].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8]);
    expect(splitPoint(2 ** 40 + 1)).toBe(2 ** 40);
    expect(isPowerOfTwo(2 ** 40)).toBe(true);
    expect(isPowerOfTwo(2 ** 40 + 2 ** 31)).toBe(false);
    expect(() => splitPoint(1)).toThrow(RangeError);
  });

  it('refuses ranges and sizes out of bounds', () => {
    const tree = new InMemoryTree(LEAVES.map(leafHash));
    expect(() => inclusionProof(tree, 8, 8)).toThrow(RangeError);
    expect(() => consistencyProof(tree, 5, 4)).toThrow(RangeError);
    expect(() => tree.rangeHash(0, 9)).toThrow(RangeError);
    expect(consistencyProof(tree, 0, 8)).toEqual([]);
    expect(consistencyProof(tree, 8, 8)).toEqual([]);
  });
});

import fc from 'fast-check';
import { InMemoryTree } from './memory-tree';
import { consistencyProof, inclusionProof, rootHash } from './proofs';
import { leafHash } from './rfc6962';
import { verifyConsistency, verifyInclusion } from './verify';

/** Trees of random sizes over random leaf data; built once per size and reused (the tree is immutable). */
const MAX_SIZE = 300;
const data = Array.from({ length: MAX_SIZE }, (_, i) => Buffer.from(`leaf ${i} ${'x'.repeat(i % 7)}`));
const tree = new InMemoryTree(data.map(leafHash));

const flipBit = (b: Buffer, bit: number): Buffer => {
  const copy = Buffer.from(b);
  copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
  return copy;
};

const sizeAndIndex = fc.integer({ min: 1, max: MAX_SIZE }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));
const twoSizes = fc.integer({ min: 1, max: MAX_SIZE }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

describe('Merkle proofs (property-based)', () => {
  it('every inclusion proof verifies, and only for its leaf, index, size and root', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.nat(), ([n, i], bit) => {
        const leaf = leafHash(data[i]);
        const proof = inclusionProof(tree, i, n);
        const root = rootHash(tree, n);
        expect(verifyInclusion(leaf, i, n, proof, root)).toBe(true);
        // Any single-bit change in the leaf, a proof node or the root fails.
        expect(verifyInclusion(flipBit(leaf, bit % 256), i, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, i, n, proof, flipBit(root, bit % 256))).toBe(false);
        if (proof.length > 0) {
          const at = bit % proof.length;
          const tampered = proof.map((p, k) => (k === at ? flipBit(p, Math.floor(bit / proof.length) % 256) : p));
          expect(verifyInclusion(leaf, i, n, tampered, root)).toBe(false);
          expect(verifyInclusion(leaf, i, n, proof.slice(0, -1), root)).toBe(false);
        }
        // Another index fails; so does the proof against a bigger tree's head (a size is only ever
        // trusted together with its head, as the signed checkpoint binds them).
        if (n > 1) expect(verifyInclusion(leaf, (i + 1) % n, n, proof, root)).toBe(false);
        if (n < MAX_SIZE) expect(verifyInclusion(leaf, i, n + 1, proof, rootHash(tree, n + 1))).toBe(false);
        expect(verifyInclusion(leaf, n, n, proof, root)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('every consistency proof verifies, and fails for any change of a root or a proof node', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), ([m, n], bit) => {
        const proof = consistencyProof(tree, m, n);
        const [oldRoot, newRoot] = [rootHash(tree, m), rootHash(tree, n)];
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        if (m === n) return;
        expect(verifyConsistency(m, n, flipBit(oldRoot, bit % 256), newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, flipBit(newRoot, bit % 256), proof)).toBe(false);
        const at = bit % proof.length;
        const tampered = proof.map((p, k) => (k === at ? flipBit(p, Math.floor(bit / proof.length) % 256) : p));
        expect(verifyConsistency(m, n, oldRoot, newRoot, tampered)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(1))).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, proof[0]])).toBe(false);
        // A proof between other sizes does not pass for these.
        if (m > 1) expect(verifyConsistency(m - 1, n, rootHash(tree, m - 1), newRoot, proof)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('a tree that rewrote history is not consistent with its past head', () => {
    fc.assert(
      fc.property(
        twoSizes.filter(([m, n]) => m < n),
        fc.nat(),
        ([m, n], which) => {
          // The same tree, but with one of the first m leaves changed: its head of m leaves differs.
          const edited = data.slice(0, n).map((d, k) => (k === which % m ? Buffer.concat([d, Buffer.from('!')]) : d));
          const forged = new InMemoryTree(edited.map(leafHash));
          const proof = consistencyProof(forged, m, n);
          expect(verifyConsistency(m, n, rootHash(tree, m), rootHash(forged, n), proof)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the empty tree is a prefix of every tree, and a tree of itself only with its own head', () => {
    const root = rootHash(tree, 10);
    expect(verifyConsistency(0, 10, rootHash(tree, 0), root, [])).toBe(true);
    expect(verifyConsistency(10, 10, root, root, [])).toBe(true);
    expect(verifyConsistency(10, 10, root, rootHash(tree, 11), [])).toBe(false);
    expect(verifyConsistency(5, 4, root, root, [])).toBe(false);
    expect(verifyInclusion(leafHash(data[0]), 0, 0, [], root)).toBe(false);
  });
});

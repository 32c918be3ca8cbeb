import fc from 'fast-check';
import { InMemoryTree } from './memory-tree';
import { frontier, nodesCompletedBy, nodesRead, PerfectSubtreeReader } from './perfect-subtrees';
import { consistencyProof, inclusionProof, rootHash } from './proofs';
import { leafHash } from './rfc6962';

const MAX = 260;
const hashes = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`fact ${i}`)));
const reference = new InMemoryTree(hashes);

/** Appends the leaves in batches of the given sizes, as a sequencer would, into a plain map. */
function storeInBatches(batches: number[]): { size: number; nodes: Map<string, Buffer>; written: number } {
  const nodes = new Map<string, Buffer>();
  let size = 0;
  let written = 0;
  for (const b of batches) {
    const take = Math.min(b, MAX - size);
    const before = new Set(frontier(size).map((k) => `${k.level}:${k.index}`));
    const read = (l: number, i: number) => {
      expect(before.has(`${l}:${i}`)).toBe(true); // an append reads only the tree's frontier
      return nodes.get(`${l}:${i}`)!;
    };
    for (const node of nodesCompletedBy(size, hashes.slice(size, size + take), read)) {
      expect(nodes.has(`${node.level}:${node.index}`)).toBe(false); // a node is completed once, never rewritten
      nodes.set(`${node.level}:${node.index}`, node.hash);
      written += 1;
    }
    size += take;
  }
  return { size, nodes, written };
}

describe('perfect subtrees: what a stored tree keeps', () => {
  it('appending in any batches stores under two nodes per leaf, and gives the same heads and proofs as the whole tree', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), fc.nat(), (batches, pick) => {
        const { size, nodes, written } = storeInBatches(batches);
        expect(written).toBeLessThan(2 * size);
        const reader = new PerfectSubtreeReader(size, (l, i) => {
          const hash = nodes.get(`${l}:${i}`);
          if (!hash) throw new Error(`node ${l}:${i} was never stored`);
          return hash;
        });
        for (let n = 1; n <= size; n++) expect(rootHash(reader, n).equals(rootHash(reference, n))).toBe(true);
        const index = pick % size;
        const old = 1 + (pick % size);
        expect(inclusionProof(reader, index, size)).toEqual(inclusionProof(reference, index, size));
        expect(consistencyProof(reader, old, size)).toEqual(consistencyProof(reference, old, size));
      }),
      { numRuns: 150 },
    );
  });

  it('names the few nodes a proof reads, so a store can fetch them in one query', () => {
    const { size, nodes } = storeInBatches([MAX]);
    const keys = nodesRead(size, (r) => inclusionProof(r, 137, size));
    expect(keys.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
    const fetched = new Map(keys.map(({ level, index }) => [`${level}:${index}`, nodes.get(`${level}:${index}`)!]));
    const proof = inclusionProof(new PerfectSubtreeReader(size, (l, i) => fetched.get(`${l}:${i}`)!), 137, size);
    expect(proof).toEqual(inclusionProof(reference, 137, size));
  });

  it('the frontier of a size is its binary decomposition, and the head is computed from it alone', () => {
    expect(frontier(0)).toEqual([]);
    expect(frontier(6)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
    ]);
    expect(frontier(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(frontier(2 ** 52 + 1)).toEqual([
      { level: 52, index: 0 },
      { level: 0, index: 2 ** 52 },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), (size) => {
        const { nodes } = storeInBatches([size]);
        const keys = new Set(frontier(size).map((k) => `${k.level}:${k.index}`));
        const reader = new PerfectSubtreeReader(size, (l, i) => {
          expect(keys.has(`${l}:${i}`)).toBe(true);
          return nodes.get(`${l}:${i}`)!;
        });
        expect(rootHash(reader, size).equals(rootHash(reference, size))).toBe(true);
      }),
    );
  });
});

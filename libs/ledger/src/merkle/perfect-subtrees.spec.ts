import fc from 'fast-check';
import { InMemoryTree } from './memory-tree';
import { nodesCompletedBy, nodesRead, PerfectSubtreeReader } from './perfect-subtrees';
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
    for (const node of nodesCompletedBy(size, hashes.slice(size, size + take), (l, i) => nodes.get(`${l}:${i}`)!)) {
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
});

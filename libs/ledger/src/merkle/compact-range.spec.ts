import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { InMemoryTree } from './memory-tree';
import { frontier, PerfectSubtreeReader } from './perfect-subtrees';
import { rootHash } from './proofs';
import { leafHash } from './rfc6962';

const hashes = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const tree = new InMemoryTree(hashes);

describe('CompactRange: streaming a log and reading every head on the way', () => {
  it('gives the RFC 6962 head of every size, from the start or from a stored frontier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 299 }), fc.integer({ min: 1, max: 300 }), (start, length) => {
        const end = Math.min(300, start + length);
        const reader = new PerfectSubtreeReader(300, (level, index) => tree.rangeHash(index * 2 ** level, (index + 1) * 2 ** level));
        const range = new CompactRange(
          start,
          frontier(start).map((k) => reader.rangeHash(k.index * 2 ** k.level, (k.index + 1) * 2 ** k.level)),
        );
        expect(range.root().equals(rootHash(tree, start))).toBe(true);
        for (let i = start; i < end; i++) {
          range.append(hashes[i]);
          expect(range.size).toBe(i + 1);
          expect(range.root().equals(rootHash(tree, i + 1))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('resumes from its own frontier exactly where it stopped (what a verification job stores after each slice)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (stop) => {
        const range = new CompactRange();
        for (let i = 0; i < stop; i++) range.append(hashes[i]);
        const resumed = new CompactRange(
          range.size,
          range.frontier.map((h) => Buffer.from(h.toString('hex'), 'hex')),
        );
        for (let i = stop; i < 300; i++) resumed.append(hashes[i]);
        expect(resumed.root().equals(rootHash(tree, 300))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a frontier that does not fit the size', () => {
    expect(() => new CompactRange(6, [hashes[0]])).toThrow(/2 frontier heads/);
  });
});

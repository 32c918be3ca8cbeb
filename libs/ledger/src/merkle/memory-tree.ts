import { PerfectSubtreeReader } from './perfect-subtrees';
import type { TreeReader } from './proofs';
import { nodeHash } from './rfc6962';

/**
 * A tree over leaf hashes held in memory (an export bundle, a test): the stored tree's reader, with
 * perfect-subtree heads computed from the leaves on first use and kept, so a range costs O(log n)
 * after the first.
 */
export class InMemoryTree implements TreeReader {
  private readonly perfect = new Map<string, Buffer>();
  private readonly reader: PerfectSubtreeReader;

  constructor(private readonly leafHashes: readonly Buffer[]) {
    this.reader = new PerfectSubtreeReader(leafHashes.length, (level, index) => this.node(level, index));
  }

  get size(): number {
    return this.leafHashes.length;
  }

  rangeHash(start: number, end: number): Buffer {
    return this.reader.rangeHash(start, end);
  }

  private node(level: number, index: number): Buffer {
    if (level === 0) return this.leafHashes[index];
    const key = `${level}:${index}`;
    let hash = this.perfect.get(key);
    if (!hash) {
      hash = nodeHash(this.node(level - 1, 2 * index), this.node(level - 1, 2 * index + 1));
      this.perfect.set(key, hash);
    }
    return hash;
  }
}

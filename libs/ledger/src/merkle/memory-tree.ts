import { EMPTY_ROOT_HASH, isPowerOfTwo, nodeHash, splitPoint } from './rfc6962';
import type { TreeReader } from './proofs';

/**
 * A tree over leaf hashes held in memory (an export bundle, a test). Heads of perfect subtrees
 * (aligned, a power of two wide) are kept once computed, so a range costs O(log n) after the first.
 */
export class InMemoryTree implements TreeReader {
  private readonly perfect = new Map<string, Buffer>();

  constructor(private readonly leafHashes: readonly Buffer[]) {}

  get size(): number {
    return this.leafHashes.length;
  }

  rangeHash(start: number, end: number): Buffer {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > this.leafHashes.length || start > end) {
      throw new RangeError(`rangeHash: [${start}, ${end}) is not within [0, ${this.leafHashes.length})`);
    }
    const n = end - start;
    if (n === 0) return EMPTY_ROOT_HASH;
    if (n === 1) return this.leafHashes[start];
    const isPerfect = isPowerOfTwo(n) && start % n === 0;
    const key = `${start}:${n}`;
    if (isPerfect) {
      const known = this.perfect.get(key);
      if (known) return known;
    }
    const k = splitPoint(n);
    const hash = nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end));
    if (isPerfect) this.perfect.set(key, hash);
    return hash;
  }
}

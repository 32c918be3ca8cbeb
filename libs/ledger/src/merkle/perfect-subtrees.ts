import { EMPTY_ROOT_HASH, isPowerOfTwo, nodeHash, splitPoint } from './rfc6962';
import type { TreeReader } from './proofs';

/**
 * A stored tree keeps only the heads of its perfect subtrees: node (level, index) covers the leaves
 * [index·2^level, (index+1)·2^level). Appending a leaf completes at most one node per level, so
 * the store grows by under two nodes per leaf, and any range head — so any proof — is built from
 * O(log n) of them. These functions are the arithmetic; where the nodes live is the caller's.
 */
export interface NodeKey {
  level: number;
  index: number;
}

export interface StoredNode extends NodeKey {
  hash: Buffer;
}

/**
 * The nodes that appending `leafHashes` at positions firstPosition, firstPosition+1, … completes
 * (the leaves themselves at level 0 included), reading earlier nodes with `nodeAt`.
 */
export function nodesCompletedBy(
  firstPosition: number,
  leafHashes: readonly Buffer[],
  nodeAt: (level: number, index: number) => Buffer,
): StoredNode[] {
  const added = new Map<string, Buffer>();
  const get = (level: number, index: number) => added.get(`${level}:${index}`) ?? nodeAt(level, index);
  const out: StoredNode[] = [];
  leafHashes.forEach((hash, offset) => {
    let level = 0;
    let index = firstPosition + offset;
    let current = hash;
    for (;;) {
      out.push({ level, index, hash: current });
      added.set(`${level}:${index}`, current);
      if (index % 2 === 0) break;
      current = nodeHash(get(level, index - 1), current);
      level += 1;
      index = (index - 1) / 2;
    }
  });
  return out;
}

/** MTH(D[start:end]) from perfect-subtree heads: aligned powers of two are read, the rest split as the RFC does. */
export class PerfectSubtreeReader implements TreeReader {
  constructor(
    private readonly size: number,
    private readonly nodeAt: (level: number, index: number) => Buffer,
  ) {}

  rangeHash(start: number, end: number): Buffer {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > this.size || start > end)
      throw new RangeError(`rangeHash: [${start}, ${end}) is not within [0, ${this.size})`);
    const n = end - start;
    if (n === 0) return EMPTY_ROOT_HASH;
    if (isPowerOfTwo(n) && start % n === 0) return this.nodeAt(levelOf(n), start / n);
    const k = splitPoint(n);
    return nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end));
  }
}

/** log2 of a power of two, exactly (Math.log2 is only required to approximate). */
function levelOf(width: number): number {
  let level = 0;
  for (let w = width; w > 1; w /= 2) level += 1;
  return level;
}

/**
 * The nodes a computation over a tree reads (a proof, a head), found by running it once on a
 * reader that answers with placeholders: a store fetches them in one query, then runs it for real.
 */
export function nodesRead<T>(size: number, run: (reader: TreeReader) => T): NodeKey[] {
  const keys = new Map<string, NodeKey>();
  const placeholder = Buffer.alloc(32);
  run(
    new PerfectSubtreeReader(size, (level, index) => {
      keys.set(`${level}:${index}`, { level, index });
      return placeholder;
    }),
  );
  return [...keys.values()];
}

/**
 * The perfect subtrees a tree of `size` leaves decomposes into, left to right (one per bit of the
 * size): the only earlier nodes an append reads, and the nodes its head is computed from.
 */
export function frontier(size: number): NodeKey[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`frontier: bad size ${size}`);
  const keys: NodeKey[] = [];
  let width = 1;
  while (width * 2 <= size) width *= 2;
  let start = 0;
  for (; width >= 1 && start < size; width /= 2) {
    if (size - start < width) continue;
    keys.push({ level: levelOf(width), index: start / width });
    start += width;
  }
  return keys;
}

import { EMPTY_ROOT_HASH, nodeHash } from './rfc6962';

/**
 * The right edge of a growing tree: the heads of the perfect subtrees its size decomposes into
 * (the frontier, largest first), so leaves can be appended one by one and the head of every size
 * read on the way in O(log n) memory — what a verifier that streams a log from the start (or from
 * a stored frontier) needs. The stack is exactly the size's binary decomposition, so appending the
 * n-th leaf merges once per trailing zero bit of n, as headOfLeafHashes does.
 */
export class CompactRange {
  private readonly heads: Buffer[];
  private count: number;

  /** Starts after `size` leaves whose frontier heads are given left to right (see `frontier`). */
  constructor(size = 0, frontierHashes: readonly Buffer[] = []) {
    let bits = 0;
    for (let rest = size; rest > 0; rest = Math.floor(rest / 2)) bits += rest % 2;
    if (bits !== frontierHashes.length)
      throw new RangeError(`CompactRange: a tree of ${size} leaves has ${bits} frontier heads, got ${frontierHashes.length}`);
    this.count = size;
    this.heads = [...frontierHashes];
  }

  get size(): number {
    return this.count;
  }

  /** The frontier heads, left to right: with `size`, what the constructor takes to resume (a verification job stores it after each slice). */
  get frontier(): readonly Buffer[] {
    return [...this.heads];
  }

  append(leafHash: Buffer): void {
    let node = leafHash;
    this.count += 1;
    for (let c = this.count; c % 2 === 0; c /= 2) node = nodeHash(this.heads.pop()!, node);
    this.heads.push(node);
  }

  /** MTH of the leaves so far: the heads folded from the right, as the RFC's split does. */
  root(): Buffer {
    if (this.heads.length === 0) return EMPTY_ROOT_HASH;
    let hash = this.heads[this.heads.length - 1];
    for (let i = this.heads.length - 2; i >= 0; i--) hash = nodeHash(this.heads[i], hash);
    return hash;
  }
}

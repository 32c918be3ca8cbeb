import { EMPTY_ROOT_HASH, nodeHash } from './rfc6962';

/**
 * The right edge of a growing tree: the heads of the perfect subtrees its size decomposes into
 * (the frontier), so leaves can be appended one by one and the head of every size read on the way
 * in O(log n) memory — what a verifier that streams a log from the start (or from a stored
 * frontier) needs. Levels strictly decrease from left to right.
 */
export class CompactRange {
  private readonly heads: { level: number; hash: Buffer }[] = [];
  private count: number;

  /** Starts after `size` leaves whose frontier heads are given left to right (see `frontier`). */
  constructor(size = 0, frontierHashes: readonly Buffer[] = []) {
    this.count = size;
    let rest = size;
    const levels: number[] = [];
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (rest >= width) {
        levels.push(level);
        rest -= width;
      }
    }
    if (levels.length !== frontierHashes.length) throw new RangeError(`CompactRange: a tree of ${size} leaves has ${levels.length} frontier heads, got ${frontierHashes.length}`);
    levels.forEach((level, i) => this.heads.push({ level, hash: frontierHashes[i] }));
  }

  get size(): number {
    return this.count;
  }

  append(leafHash: Buffer): void {
    let head = { level: 0, hash: leafHash };
    while (this.heads.length > 0 && this.heads[this.heads.length - 1].level === head.level) {
      const left = this.heads.pop()!;
      head = { level: head.level + 1, hash: nodeHash(left.hash, head.hash) };
    }
    this.heads.push(head);
    this.count += 1;
  }

  /** MTH of the leaves so far: the heads folded from the right, as the RFC's split does. */
  root(): Buffer {
    if (this.heads.length === 0) return EMPTY_ROOT_HASH;
    let hash = this.heads[this.heads.length - 1].hash;
    for (let i = this.heads.length - 2; i >= 0; i--) hash = nodeHash(this.heads[i].hash, hash);
    return hash;
  }
}

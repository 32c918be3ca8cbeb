import { createHash } from 'node:crypto';

/**
 * The hashes of RFC 6962 §2.1 (Certificate Transparency; unchanged in RFC 9162 §2.1.1): a leaf is
 * hashed with a 0x00 prefix and an interior node with 0x01, so that no leaf can pose as a node
 * (a second-preimage attack on the tree), and the empty tree's head is the hash of nothing.
 */
export const EMPTY_ROOT_HASH: Buffer = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

export function leafHash(leaf: Buffer): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** k, the largest power of two smaller than n (n > 1): where MTH splits D[n]. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`splitPoint: n must be an integer > 1, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Exact for every safe integer (bitwise operators would truncate sizes beyond 2^31). */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

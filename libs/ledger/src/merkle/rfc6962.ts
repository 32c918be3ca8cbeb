import { createHash, hash } from 'node:crypto';

/**
 * The hashes of RFC 6962 §2.1 (Certificate Transparency; unchanged in RFC 9162 §2.1.1): a leaf is
 * hashed with a 0x00 prefix and an interior node with 0x01, so that no leaf can pose as a node
 * (a second-preimage attack on the tree), and the empty tree's head is the hash of nothing.
 */
export const EMPTY_ROOT_HASH: Buffer = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

// crypto.hash (one shot) costs about half of createHash().update().digest() for inputs this small,
// and the node hash reuses one 65-byte scratch buffer (hash() copies its input synchronously).
const scratch = Buffer.alloc(65);
scratch[0] = 0x01;

export function leafHash(leaf: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'buffer');
}

/**
 * 0x00 ‖ the UTF-8 of a leaf's text, built in one allocation: where leaves are serialised anyway
 * (canonical JSON of a fact), hashing this is the leaf hash at the cost of hashing the bytes alone.
 */
export function leafPreimage(text: string): Buffer {
  const length = Buffer.byteLength(text, 'utf8');
  const out = Buffer.allocUnsafe(length + 1);
  out[0] = 0x00;
  out.write(text, 1, length, 'utf8');
  return out;
}

export function hashLeafPreimage(preimage: Buffer): Buffer {
  if (preimage[0] !== 0x00) throw new Error('hashLeafPreimage: a leaf preimage starts with 0x00');
  return hash('sha256', preimage, 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  if (left.length !== 32 || right.length !== 32) throw new Error('nodeHash: children are 32-byte hashes');
  left.copy(scratch, 1);
  right.copy(scratch, 33);
  return hash('sha256', scratch, 'buffer');
}

/**
 * MTH of leaf hashes given in order, in one pass and O(log n) memory: a stack of the heads of the
 * perfect subtrees seen so far, merged as they pair up (what verifying a whole range does).
 */
export function headOfLeafHashes(leafHashes: Iterable<Buffer>): Buffer {
  const stack: Buffer[] = [];
  let count = 0;
  for (const h of leafHashes) {
    let node = h;
    count += 1;
    // After the count-th leaf, one merge per trailing zero bit of count: the subtrees that paired up.
    for (let c = count; c % 2 === 0; c /= 2) node = nodeHash(stack.pop()!, node);
    stack.push(node);
  }
  if (stack.length === 0) return EMPTY_ROOT_HASH;
  // What is left are perfect subtrees of decreasing size: RFC 6962 hangs the smaller ones on the right.
  let head = stack.pop()!;
  while (stack.length > 0) head = nodeHash(stack.pop()!, head);
  return head;
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

import { isPowerOfTwo, nodeHash } from './rfc6962';

/**
 * Proof verification as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) specify it, with
 * nothing but hashes: what an auditor runs offline, trusting no database. Every check is exact:
 * a proof of the wrong length, a flipped bit anywhere, or a size out of range fails.
 */
export function verifyInclusion(leafHash: Buffer, index: number, treeSize: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (!validSize(treeSize) || !Number.isSafeInteger(index) || index < 0 || index >= treeSize) return false;
  const c: Cursor = { fn: index, sn: treeSize - 1 };
  let r = leafHash;
  for (const p of proof) {
    if (c.sn === 0) return false;
    if (c.fn % 2 === 1 || c.fn === c.sn) {
      r = nodeHash(p, r);
      shiftUntilOddOrZero(c);
    } else {
      r = nodeHash(r, p);
    }
    shift(c);
  }
  return c.sn === 0 && r.equals(root);
}

export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Buffer, newRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (!validSize(oldSize) || !validSize(newSize) || oldSize > newSize) return false;
  // The edge cases the RFC leaves to the caller: the empty tree is a prefix of any, a tree of itself.
  if (oldSize === 0) return proof.length === 0;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  const c: Cursor = { fn: oldSize - 1, sn: newSize - 1 };
  while (c.fn % 2 === 1) shift(c);
  let fr = path[0];
  let sr = path[0];
  for (const p of path.slice(1)) {
    if (c.sn === 0) return false;
    if (c.fn % 2 === 1 || c.fn === c.sn) {
      fr = nodeHash(p, fr);
      sr = nodeHash(p, sr);
      shiftUntilOddOrZero(c);
    } else {
      sr = nodeHash(sr, p);
    }
    shift(c);
  }
  return c.sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

/** The RFC's fn (the node's index at its level) and sn (the last index at that level). */
interface Cursor {
  fn: number;
  sn: number;
}

/** "Right-shift fn and sn one time." */
function shift(c: Cursor): void {
  c.fn = Math.floor(c.fn / 2);
  c.sn = Math.floor(c.sn / 2);
}

/** "If LSB(fn) is not set, right-shift fn and sn equally until either LSB(fn) is set or fn is 0." */
function shiftUntilOddOrZero(c: Cursor): void {
  while (c.fn % 2 === 0 && c.fn !== 0) shift(c);
}

function validSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

import { splitPoint } from './rfc6962';

/**
 * What proofs are built from: MTH(D[start:end]), the head of any range of leaves. An in-memory tree
 * computes it (memory-tree.ts); a stored one reads the perfect subtrees it keeps.
 */
export interface TreeReader {
  rangeHash(start: number, end: number): Buffer;
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the audit path of leaf m in the tree of the first n leaves. */
export function inclusionProof(tree: TreeReader, index: number, size: number): Buffer[] {
  assertIndex(index, size);
  const path: Buffer[] = [];
  // Iterative form of the recursion: descend from D[0:n] towards leaf m, collecting the siblings.
  const siblings: Buffer[] = [];
  let start = 0;
  let end = size;
  let m = index;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      siblings.push(tree.rangeHash(start + k, end));
      end = start + k;
    } else {
      siblings.push(tree.rangeHash(start, start + k));
      start += k;
      m -= k;
    }
  }
  // The RFC lists the path from the leaf up.
  for (let i = siblings.length - 1; i >= 0; i--) path.push(siblings[i]);
  return path;
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2: that the tree of the first m leaves is a prefix of the tree of n. */
export function consistencyProof(tree: TreeReader, oldSize: number, newSize: number): Buffer[] {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`consistencyProof: need 0 <= oldSize <= newSize, got ${oldSize} and ${newSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Buffer[] = [];
  subproof(tree, oldSize, 0, newSize, true, proof);
  return proof;
}

/** SUBPROOF(m, D[start:end], b), appending in the RFC's order (deepest first). */
function subproof(tree: TreeReader, m: number, start: number, end: number, complete: boolean, out: Buffer[]): void {
  const n = end - start;
  if (m === n) {
    if (!complete) out.push(tree.rangeHash(start, end));
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(tree, m, start, start + k, complete, out);
    out.push(tree.rangeHash(start + k, end));
  } else {
    subproof(tree, m - k, start + k, end, false, out);
    out.push(tree.rangeHash(start, start + k));
  }
}

/** MTH(D[0:size]) from a reader: the head of the tree of the first `size` leaves. */
export function rootHash(tree: TreeReader, size: number): Buffer {
  return tree.rangeHash(0, size);
}

function assertIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`inclusionProof: need 0 <= index < size, got ${index} and ${size}`);
  }
}

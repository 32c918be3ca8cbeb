import { equalBytes, sha256 } from './bytes';

/**
 * RFC 6962 hashing and the RFC 9162 §2.1.3.2 inclusion check, on WebCrypto. Written apart from the
 * server's libs/ledger on purpose: the browser is the second, independent implementation that
 * checks the server's answer (its spec cross-checks the two on the same trees).
 */
export function leafHash(leaf: Uint8Array): Promise<Uint8Array> {
  return sha256(Uint8Array.of(0x00), leaf);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(Uint8Array.of(0x01), left, right);
}

/** The root that a leaf's audit path leads to, or null when the path cannot be one of this tree. */
export async function rootFromInclusionProof(
  leafHashValue: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(treeSize) || !Number.isSafeInteger(index) || index < 0 || index >= treeSize) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHashValue;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else {
      r = await nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

export async function verifyInclusion(
  leafHashValue: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  const computed = await rootFromInclusionProof(leafHashValue, index, treeSize, path);
  return computed !== null && equalBytes(computed, root);
}

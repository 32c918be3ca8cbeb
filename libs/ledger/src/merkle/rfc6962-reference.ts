import { createHash } from 'node:crypto';

/**
 * RFC 6962 §2.1 transcribed as literally as possible, for tests only: MTH, PATH and PROOF over the
 * leaf data, recursing as the RFC's definitions do, with no memo and no cleverness. The real code
 * (proofs.ts, memory-tree.ts, verify.ts) is checked against it.
 */
const sha256 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

/** "k be the largest power of two smaller than n (i.e., k < n <= 2k)" */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH({}) = SHA-256(); MTH({d(0)}) = SHA-256(0x00 || d(0)); MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) */
export function referenceMth(d: readonly Buffer[]): Buffer {
  const n = d.length;
  if (n === 0) return sha256();
  if (n === 1) return sha256(Buffer.of(0x00), d[0]);
  const k = largestPowerOfTwoBelow(n);
  return sha256(Buffer.of(0x01), referenceMth(d.slice(0, k)), referenceMth(d.slice(k)));
}

/** PATH(0, {d(0)}) = {}; m < k: PATH(m, D[0:k]) : MTH(D[k:n]); m >= k: PATH(m - k, D[k:n]) : MTH(D[0:k]) */
export function referencePath(m: number, d: readonly Buffer[]): Buffer[] {
  const n = d.length;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...referencePath(m, d.slice(0, k)), referenceMth(d.slice(k))]
    : [...referencePath(m - k, d.slice(k)), referenceMth(d.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) */
export function referenceProof(m: number, d: readonly Buffer[]): Buffer[] {
  return subproof(m, d, true);
}

/** SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}; then split at k as the RFC does. */
function subproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [referenceMth(d)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), referenceMth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), referenceMth(d.slice(0, k))];
}

/**
 * Population stability index of a current distribution against a reference one, over the same
 * buckets: PSI = Σ (qᵢ − pᵢ) · ln(qᵢ / pᵢ), with pᵢ and qᵢ each bucket's share of its window.
 *
 * An empty bucket makes the logarithm infinite, so a share below PSI_EPSILON counts as PSI_EPSILON
 * (1e-4, the usual choice in credit-risk practice: a bucket empty on one side and holding share s on
 * the other then adds about s · ln(s / 1e-4), large but finite). Shares are not renormalised after
 * the floor, so two identical distributions still give exactly 0.
 *
 * Returns null when either window holds no observation: there is nothing to compare yet.
 */
export const PSI_EPSILON = 1e-4;

export function populationStabilityIndex(reference: readonly number[], current: readonly number[]): number | null {
  if (reference.length !== current.length) throw new RangeError('PSI needs the same buckets on both sides');
  const referenceTotal = sum(reference);
  const currentTotal = sum(current);
  if (referenceTotal === 0 || currentTotal === 0) return null;
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = Math.max(reference[i] / referenceTotal, PSI_EPSILON);
    const q = Math.max(current[i] / currentTotal, PSI_EPSILON);
    psi += (q - p) * Math.log(q / p);
  }
  return psi;
}

export function sum(counts: readonly number[]): number {
  let total = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError('a bucket count is a finite number ≥ 0');
    total += c;
  }
  return total;
}

import { sum } from './psi';

export interface KsResult {
  /** The largest distance between the two empirical CDFs, read at the bucket edges. */
  statistic: number;
  /** Asymptotic two-sided p-value: Kolmogorov's Q(√(nm/(n+m)) · D). */
  pValue: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test on BUCKETED samples (confidence is kept as counts in fixed
 * buckets, never as raw values): the CDFs are compared only at bucket edges, so D is the exact
 * statistic of the samples rounded to their buckets, and a lower bound of D on the raw values.
 * The p-value is the asymptotic one (Kolmogorov's distribution), good for windows of tens of
 * decisions and more; bucketing ties make it conservative.
 *
 * Returns null when either window holds no observation.
 */
export function kolmogorovSmirnov(reference: readonly number[], current: readonly number[]): KsResult | null {
  if (reference.length !== current.length) throw new RangeError('KS needs the same buckets on both sides');
  const n = sum(reference);
  const m = sum(current);
  if (n === 0 || m === 0) return null;
  let cdfReference = 0;
  let cdfCurrent = 0;
  let statistic = 0;
  for (let i = 0; i < reference.length; i++) {
    cdfReference += reference[i];
    cdfCurrent += current[i];
    statistic = Math.max(statistic, Math.abs(cdfReference / n - cdfCurrent / m));
  }
  return { statistic, pValue: kolmogorovQ(Math.sqrt((n * m) / (n + m)) * statistic) };
}

/** Q(λ) = 2 Σₖ (−1)ᵏ⁻¹ e^(−2k²λ²), the Kolmogorov survival function (1 at λ = 0). */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1; // Q(0.2) = 1 − 5e-13: below, the alternating series needs many terms for nothing
  let q = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    q += (k % 2 === 1 ? 2 : -2) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, q));
}

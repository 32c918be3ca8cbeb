import { kolmogorovQ, kolmogorovSmirnov } from './ks';

/**
 * Expected values from SciPy 1.17, not from this code: each bucketed sample expanded to its bucket
 * midpoints, D = `scipy.stats.ks_2samp(a, b).statistic`, and the p-value
 * `scipy.special.kolmogorov(sqrt(n·m / (n + m)) · D)` (the asymptotic two-sided distribution).
 */
const BUCKETS = 'bucket i holds the values in [i/10, (i+1)/10)';

describe(`kolmogorovSmirnov on bucketed confidence (${BUCKETS})`, () => {
  it('uniform (10 × 10) against 15 × 5 then 5 × 5: D = 0.25 at the middle edge', () => {
    // CDFs at edge 5: 50/100 against 75/100. p = kolmogorov(√50 · 0.25) = 0.003860908244679527
    const result = kolmogorovSmirnov(Array(10).fill(10), [...Array(5).fill(15), ...Array(5).fill(5)]);
    expect(result!.statistic).toBeCloseTo(0.25, 12);
    expect(result!.pValue).toBeCloseTo(0.003860908244679527, 10);
  });

  it('a bell shifted one bucket up: D = 0.28', () => {
    // reference 5,10,20,30,20,10,5 (n = 100); current 2,5,10,20,30,20,8,5 (m = 100)
    // CDFs at edge 4: 65/100 against 37/100. p = kolmogorov(√50 · 0.28) = 0.0007873380812621197
    const result = kolmogorovSmirnov([5, 10, 20, 30, 20, 10, 5, 0, 0, 0], [2, 5, 10, 20, 30, 20, 8, 5, 0, 0]);
    expect(result!.statistic).toBeCloseTo(0.28, 12);
    expect(result!.pValue).toBeCloseTo(0.0007873380812621197, 10);
  });

  it('the same distribution: D = 0, p = 1', () => {
    expect(kolmogorovSmirnov(Array(10).fill(100), Array(10).fill(7))).toEqual({ statistic: 0, pValue: 1 });
  });

  it('is null while a window is empty', () => {
    expect(kolmogorovSmirnov([0, 0, 0], [1, 2, 3])).toBeNull();
  });
});

describe('kolmogorovQ', () => {
  it.each([
    // scipy.special.kolmogorov(x)
    [0.5, 0.9639452436648751],
    [1, 0.26999967167735456],
    [1.36, 0.049485876755377876],
    [2, 0.0006709252557796953],
  ])('Q(%p) = %p', (lambda, expected) => {
    expect(kolmogorovQ(lambda)).toBeCloseTo(expected, 10);
  });
});

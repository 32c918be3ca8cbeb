import { PSI_EPSILON, populationStabilityIndex } from './psi';

/**
 * Expected values computed by hand from the definition PSI = Σ (q − p) ln(q / p), and checked with
 * numpy (`np.sum((q - p) * np.log(q / p))`), never with this code.
 */
describe('populationStabilityIndex', () => {
  it('is 0 for the same distribution, whatever the window sizes', () => {
    expect(populationStabilityIndex([10, 20, 30, 40], [1, 2, 3, 4])).toBe(0);
  });

  it('uniform over 10 buckets against 0.15 × 5 then 0.05 × 5: 5·0.05·ln 1.5 + 5·0.05·ln 2 = 0.25 ln 3', () => {
    // 0.25 · ln 3 = 0.27465307216702745 (numpy: 0.27465307216702733)
    const psi = populationStabilityIndex(Array(10).fill(100), [...Array(5).fill(150), ...Array(5).fill(50)]);
    expect(psi).toBeCloseTo(0.27465307216702745, 12);
  });

  it('(0.5, 0.5) against (0.9, 0.1): 0.4 ln 1.8 + 0.4 ln 5 = 0.4 ln 9', () => {
    // 0.4 · ln 9 = 0.8788898309344879
    expect(populationStabilityIndex([50, 50], [90, 10])).toBeCloseTo(0.8788898309344879, 12);
  });

  it('is symmetric in its two windows', () => {
    expect(populationStabilityIndex([90, 10], [50, 50])).toBeCloseTo(0.8788898309344879, 12);
  });

  it(`floors an empty bucket's share at ${PSI_EPSILON}: (1, 0) against (0.5, 0.5)`, () => {
    // (0.5 − 1) ln(0.5 / 1) + (0.5 − 0.0001) ln(0.5 / 0.0001) = 0.5 ln 2 + 0.4999 ln 5000 = 4.60431846666895
    expect(populationStabilityIndex([10, 0], [5, 5])).toBeCloseTo(4.60431846666895, 10);
  });

  it('is null while a window is empty, and refuses mismatched or negative buckets', () => {
    expect(populationStabilityIndex([0, 0], [1, 2])).toBeNull();
    expect(populationStabilityIndex([1, 2], [0, 0])).toBeNull();
    expect(() => populationStabilityIndex([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => populationStabilityIndex([1, -2], [1, 2])).toThrow(RangeError);
  });
});

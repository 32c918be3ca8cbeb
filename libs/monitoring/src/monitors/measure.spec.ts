import type { DailyStatistics } from '../statistics/statistics-store';
import { DEFAULT_THRESHOLDS, firstDecisionsDays, measure, stateOf, sumDays } from './measure';

const day = (d: string, confidenceBuckets: number[], extra: Partial<DailyStatistics> = {}): DailyStatistics => ({
  day: d,
  decisions: confidenceBuckets.reduce((a, b) => a + b, 0),
  blocked: 0,
  pendingReview: 0,
  withoutConfidence: 0,
  reviewed: 0,
  overridden: 0,
  confidenceBuckets,
  labels: [],
  ...extra,
});
const uniform = Array(10).fill(10);
const shifted = [...Array(5).fill(15), ...Array(5).fill(5)];

describe('monitor measures', () => {
  it('takes the first days holding N decisions as the reference, none before', () => {
    const days = [day('2026-01-01', uniform), day('2026-01-02', uniform), day('2026-01-03', uniform)];
    expect(firstDecisionsDays(days, 150)?.map((d) => d.day)).toEqual(['2026-01-01', '2026-01-02']);
    expect(firstDecisionsDays(days, 100)?.map((d) => d.day)).toEqual(['2026-01-01']);
    expect(firstDecisionsDays(days, 301)).toBeNull();
  });

  it('measures confidence PSI and KS against the reference (values of psi.spec.ts and ks.spec.ts)', () => {
    const reference = sumDays([day('a', uniform)]);
    const current = sumDays([day('b', shifted)]);
    expect(measure('confidence_psi', reference, current)).toBeCloseTo(0.25 * Math.log(3), 12);
    expect(measure('confidence_ks', reference, current)).toBeCloseTo(0.25, 12);
    expect(measure('confidence_psi', null, current)).toBeNull();
  });

  it('measures label PSI over the labels of both windows, a label missing on one side counting 0', () => {
    const labels = (a: number, b: number) => [
      { label: 'approve', count: a },
      { label: 'deny', count: b },
    ];
    const reference = sumDays([day('a', [], { labels: labels(50, 50) })]);
    const current = sumDays([day('b', [], { labels: labels(90, 10) })]);
    expect(measure('label_psi', reference, current)).toBeCloseTo(0.4 * Math.log(9), 12); // as psi.spec.ts
  });

  it('measures rates on the current window alone, null without a denominator', () => {
    const current = sumDays([day('a', uniform, { blocked: 5, reviewed: 4, overridden: 1 }), day('b', uniform, { blocked: 15 })]);
    expect(measure('blocked_rate', null, current)).toBe(0.1);
    expect(measure('override_rate', null, current)).toBe(0.25);
    expect(measure('override_rate', null, sumDays([day('a', uniform)]))).toBeNull();
  });

  it('classifies against the thresholds, at the threshold included', () => {
    const t = DEFAULT_THRESHOLDS.confidence_psi;
    expect([null, 0.05, 0.1, 0.2, 0.25, 3].map((v) => stateOf(v, t))).toEqual(['no_data', 'ok', 'warn', 'warn', 'alert', 'alert']);
  });
});

import { kolmogorovSmirnov } from '../drift/ks';
import { populationStabilityIndex } from '../drift/psi';
import { CONFIDENCE_BUCKETS, type DailyStatistics } from '../statistics/statistics-store';

export const MONITOR_METRICS = ['confidence_psi', 'confidence_ks', 'label_psi', 'override_rate', 'blocked_rate'] as const;
export type MonitorMetricName = (typeof MONITOR_METRICS)[number];
export const MONITOR_STATES = ['no_data', 'ok', 'warn', 'alert'] as const;
export type MonitorStateName = (typeof MONITOR_STATES)[number];

/** Defaults per metric: PSI 0.1 / 0.25 (the usual reading), KS's D 0.1 / 0.2, rates as absolute shares. */
export const DEFAULT_THRESHOLDS: Record<MonitorMetricName, { warnAt: number; alertAt: number }> = {
  confidence_psi: { warnAt: 0.1, alertAt: 0.25 },
  label_psi: { warnAt: 0.1, alertAt: 0.25 },
  confidence_ks: { warnAt: 0.1, alertAt: 0.2 },
  override_rate: { warnAt: 0.2, alertAt: 0.3 },
  blocked_rate: { warnAt: 0.05, alertAt: 0.1 },
};

/** A window's statistics summed over its days. */
export interface WindowCounts {
  decisions: number;
  blocked: number;
  reviewed: number;
  overridden: number;
  confidence: number[];
  labels: Map<string, number>;
}

export function sumDays(days: readonly DailyStatistics[]): WindowCounts {
  const sum: WindowCounts = {
    decisions: 0,
    blocked: 0,
    reviewed: 0,
    overridden: 0,
    confidence: new Array<number>(CONFIDENCE_BUCKETS).fill(0),
    labels: new Map(),
  };
  for (const d of days) {
    sum.decisions += d.decisions;
    sum.blocked += d.blocked;
    sum.reviewed += d.reviewed;
    sum.overridden += d.overridden;
    d.confidenceBuckets.forEach((c, i) => (sum.confidence[i] += c));
    for (const l of d.labels) sum.labels.set(l.label, (sum.labels.get(l.label) ?? 0) + l.count);
  }
  return sum;
}

/**
 * The reference window "the first N decisions": the version's first days, in order, until they hold
 * at least N decisions (statistics are daily, so the window ends at a day's end). Null until the
 * version has recorded N decisions.
 */
export function firstDecisionsDays(days: readonly DailyStatistics[], n: number): DailyStatistics[] | null {
  let total = 0;
  for (let i = 0; i < days.length; i++) {
    total += days[i].decisions;
    if (total >= n) return days.slice(0, i + 1);
  }
  return null;
}

/** The metric's value of the current window (against the reference for the distributions); null without data. */
export function measure(metric: MonitorMetricName, reference: WindowCounts | null, current: WindowCounts): number | null {
  switch (metric) {
    case 'confidence_psi':
      return reference ? populationStabilityIndex(reference.confidence, current.confidence) : null;
    case 'confidence_ks':
      return reference ? (kolmogorovSmirnov(reference.confidence, current.confidence)?.statistic ?? null) : null;
    case 'label_psi': {
      if (!reference) return null;
      const labels = [...new Set([...reference.labels.keys(), ...current.labels.keys()])];
      return populationStabilityIndex(
        labels.map((l) => reference.labels.get(l) ?? 0),
        labels.map((l) => current.labels.get(l) ?? 0),
      );
    }
    case 'override_rate':
      return current.reviewed > 0 ? current.overridden / current.reviewed : null;
    case 'blocked_rate':
      return current.decisions > 0 ? current.blocked / current.decisions : null;
  }
}

export function stateOf(value: number | null, thresholds: { warnAt: number; alertAt: number }): MonitorStateName {
  if (value === null) return 'no_data';
  if (value >= thresholds.alertAt) return 'alert';
  return value >= thresholds.warnAt ? 'warn' : 'ok';
}

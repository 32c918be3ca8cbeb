import type { MonitorMetric as Metric, MonitorState as MonitorStateValue } from '../gql/graphql';

// Drift monitors in words (docs/monitoring.md): the overview's alerts and an automation's monitors say the same.

const METRIC_WORDS: Record<Metric, string> = {
  CONFIDENCE_PSI: 'confidence shift (PSI)',
  CONFIDENCE_KS: 'confidence shift (KS distance)',
  LABEL_PSI: 'output label shift (PSI)',
  OVERRIDE_RATE: 'reviewer override rate',
  BLOCKED_RATE: 'share blocked by policy',
};

const RATES = new Set<Metric>(['OVERRIDE_RATE', 'BLOCKED_RATE']);

export function metricWords(metric: Metric): string {
  return METRIC_WORDS[metric];
}

/** A metric's value as a reader compares it: rates as percentages, PSI and KS to three decimals. */
export function formatMetricValue(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'no data';
  return RATES.has(metric) ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
}

const STATE: Record<MonitorStateValue, { color: string; label: string; rank: number }> = {
  ALERT: { color: 'red', label: 'alert', rank: 0 },
  WARN: { color: 'yellow', label: 'warning', rank: 1 },
  OK: { color: 'teal', label: 'ok', rank: 2 },
  NO_DATA: { color: 'gray', label: 'no data', rank: 3 },
};

/** A monitor state as a status badge takes it: colour and words. */
export function monitorStatus(state: MonitorStateValue): { color: string; label: string } {
  const { color, label } = STATE[state];
  return { color, label };
}

/** The threshold a monitor's state is about: alert for ALERT, warn otherwise. */
export function crossedThreshold(m: { state: MonitorStateValue; warnAt: number; alertAt: number }): { name: string; at: number } {
  return m.state === 'ALERT' ? { name: 'alert', at: m.alertAt } : { name: 'warn', at: m.warnAt };
}

/** Alerts before warnings, then the longest-standing first. */
export function byUrgency<T extends { state: MonitorStateValue; stateSince: string }>(monitors: readonly T[]): T[] {
  return [...monitors].sort((a, b) => STATE[a.state].rank - STATE[b.state].rank || a.stateSince.localeCompare(b.stateSince));
}

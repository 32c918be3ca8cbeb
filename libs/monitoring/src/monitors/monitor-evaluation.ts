import type { EntityManager } from 'typeorm';
import { MAX_RANGE_DAYS } from '../statistics/daily-statistics.service';
import { readDailyStatistics, type DailyStatistics } from '../statistics/statistics-store';
import { firstDecisionsDays, measure, stateOf, sumDays, type MonitorStateName, type WindowCounts } from './measure';
import type { MonitorRow } from './monitor-store';

const DAY_MS = 86_400_000;
export const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const NEEDS_REFERENCE = new Set(['confidence_psi', 'confidence_ks', 'label_psi']);

/** The reference window's sums; null while it is not complete (fewer than N decisions yet). */
async function referenceOf(m: EntityManager, monitor: MonitorRow): Promise<WindowCounts | null> {
  if (!NEEDS_REFERENCE.has(monitor.metric)) return null;
  if (monitor.referenceFrom !== null && monitor.referenceTo !== null)
    return sumDays(await readDailyStatistics(m, monitor.automationVersionId, monitor.referenceFrom, monitor.referenceTo));
  const [{ first }]: { first: string | null }[] = await m.query(
    `SELECT to_char(min(day), 'YYYY-MM-DD') AS first FROM monitoring_daily_stats WHERE automation_version_id = $1`,
    [monitor.automationVersionId],
  );
  if (first === null) return null;
  // The first N decisions within the version's first year of statistics: a bounded read.
  const days = await readDailyStatistics(m, monitor.automationVersionId, first, shiftDay(first, MAX_RANGE_DAYS - 1));
  const reference = firstDecisionsDays(days, monitor.referenceDecisions ?? 0);
  return reference ? sumDays(reference) : null;
}

function valueOf(monitor: MonitorRow, reference: WindowCounts | null, windowDays: DailyStatistics[]): number | null {
  if (NEEDS_REFERENCE.has(monitor.metric) && reference === null) return null;
  return measure(monitor.metric, reference, sumDays(windowDays));
}

/** The monitor's value and state for the window ending on `asOf` (a UTC day). */
export async function evaluateMonitor(
  m: EntityManager,
  monitor: MonitorRow,
  asOf: string,
): Promise<{ value: number | null; state: MonitorStateName }> {
  const reference = await referenceOf(m, monitor);
  const window = await readDailyStatistics(m, monitor.automationVersionId, shiftDay(asOf, 1 - monitor.windowDays), asOf);
  const value = valueOf(monitor, reference, window);
  return { value, state: stateOf(value, monitor) };
}

/** One point per day from `from` to `to`: the window ending that day, against the same reference. */
export async function monitorSeries(
  m: EntityManager,
  monitor: MonitorRow,
  from: string,
  to: string,
): Promise<{ day: string; value: number | null; state: MonitorStateName }[]> {
  const reference = await referenceOf(m, monitor);
  const days = await readDailyStatistics(m, monitor.automationVersionId, shiftDay(from, 1 - monitor.windowDays), to);
  const points = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) {
    const start = shiftDay(day, 1 - monitor.windowDays);
    const value = valueOf(
      monitor,
      reference,
      days.filter((d) => d.day >= start && d.day <= day),
    );
    points.push({ day, value, state: stateOf(value, monitor) });
  }
  return points;
}

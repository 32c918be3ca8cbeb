import type { EntityManager } from 'typeorm';

/** Confidence buckets of width 0.1; the last one holds 1.0 too. */
export const CONFIDENCE_BUCKETS = 10;

export interface DailyStatistics {
  day: string;
  decisions: number;
  blocked: number;
  pendingReview: number;
  withoutConfidence: number;
  reviewed: number;
  overridden: number;
  confidenceBuckets: number[];
  labels: { label: string; count: number }[];
}

/**
 * The days of one automation version from `from` to `to` (inclusive, UTC), one indexed range read
 * per table: never a scan of decisions. Days with no sealed decision are absent.
 */
export async function readDailyStatistics(
  m: EntityManager,
  automationVersionId: string,
  from: string,
  to: string,
): Promise<DailyStatistics[]> {
  const range = [automationVersionId, from, to];
  const where = 'WHERE automation_version_id = $1 AND day BETWEEN $2::date AND $3::date';
  // One after the other: a transaction's statements share one connection.
  const totals: TotalsRow[] = await m.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, decisions, blocked, pending_review, without_confidence, reviewed, overridden
       FROM monitoring_daily_stats ${where} ORDER BY day`,
    range,
  );
  const buckets: BucketRow[] = await m.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, bucket, count FROM monitoring_daily_confidence ${where}`,
    range,
  );
  const labels: LabelRow[] = await m.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, label, count FROM monitoring_daily_labels ${where} ORDER BY count DESC, label`,
    range,
  );
  const days = new Map<string, DailyStatistics>(
    totals.map((t) => [
      t.day,
      {
        day: t.day,
        decisions: Number(t.decisions),
        blocked: Number(t.blocked),
        pendingReview: Number(t.pending_review),
        withoutConfidence: Number(t.without_confidence),
        reviewed: Number(t.reviewed),
        overridden: Number(t.overridden),
        confidenceBuckets: new Array<number>(CONFIDENCE_BUCKETS).fill(0),
        labels: [],
      },
    ]),
  );
  for (const b of buckets) {
    const day = days.get(b.day);
    if (day) day.confidenceBuckets[b.bucket] = Number(b.count);
  }
  for (const l of labels) days.get(l.day)?.labels.push({ label: l.label, count: Number(l.count) });
  return [...days.values()];
}

interface TotalsRow {
  day: string;
  decisions: string;
  blocked: string;
  pending_review: string;
  without_confidence: string;
  reviewed: string;
  overridden: string;
}
interface BucketRow {
  day: string;
  bucket: number;
  count: string;
}
interface LabelRow {
  day: string;
  label: string;
  count: string;
}

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
 * The days of one automation version from `from` to `to` (inclusive, UTC): one indexed range read
 * per table, never a scan of decisions, in one statement. One statement, not one per table: an
 * evaluation reads two ranges, and on a busy machine its time is its statements' round trips more
 * than their work (docs/performance.md). Days with no sealed decision are absent.
 */
export async function readDailyStatistics(
  m: EntityManager,
  automationVersionId: string,
  from: string,
  to: string,
): Promise<DailyStatistics[]> {
  const range = 'automation_version_id = $1 AND day BETWEEN $2::date AND $3::date';
  const rows: DayRow[] = await m.query(
    `WITH buckets AS (
       SELECT day, json_agg(json_build_array(bucket, count)) AS buckets FROM monitoring_daily_confidence WHERE ${range} GROUP BY day),
     labels AS (
       SELECT day, json_agg(json_build_array(label, count) ORDER BY count DESC, label) AS labels FROM monitoring_daily_labels
        WHERE ${range} GROUP BY day)
     SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.decisions, s.blocked, s.pending_review, s.without_confidence, s.reviewed, s.overridden,
            coalesce(b.buckets, '[]') AS buckets, coalesce(l.labels, '[]') AS labels
       FROM monitoring_daily_stats s LEFT JOIN buckets b ON b.day = s.day LEFT JOIN labels l ON l.day = s.day
      WHERE s.automation_version_id = $1 AND s.day BETWEEN $2::date AND $3::date ORDER BY s.day`,
    [automationVersionId, from, to],
  );
  return rows.map((t) => {
    const confidenceBuckets = new Array<number>(CONFIDENCE_BUCKETS).fill(0);
    for (const [bucket, count] of t.buckets) confidenceBuckets[bucket] = Number(count);
    return {
      day: t.day,
      decisions: Number(t.decisions),
      blocked: Number(t.blocked),
      pendingReview: Number(t.pending_review),
      withoutConfidence: Number(t.without_confidence),
      reviewed: Number(t.reviewed),
      overridden: Number(t.overridden),
      confidenceBuckets,
      labels: t.labels.map(([label, count]) => ({ label, count: Number(count) })),
    };
  });
}

/** A day's totals (bigint as text), with its buckets and labels as [key, count] pairs (counts as JSON numbers). */
interface DayRow {
  day: string;
  decisions: string;
  blocked: string;
  pending_review: string;
  without_confidence: string;
  reviewed: string;
  overridden: string;
  buckets: [number, number][];
  labels: [string, number][];
}

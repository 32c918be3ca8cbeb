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
 * The days of one automation version from `from` to `to` (inclusive, UTC), in one statement: the
 * days' totals by an indexed range read, each day's buckets and labels by a probe of their primary
 * keys; never a scan of decisions. One statement, not one per table: an evaluation reads two
 * ranges, and on a busy machine its time is the statements' round trips, not their work (the
 * reads take well under a millisecond, docs/performance.md). Days with no sealed decision are absent.
 */
export async function readDailyStatistics(
  m: EntityManager,
  automationVersionId: string,
  from: string,
  to: string,
): Promise<DailyStatistics[]> {
  const of = 'x.tenant_id = s.tenant_id AND x.automation_version_id = s.automation_version_id AND x.day = s.day';
  const rows: DayRow[] = await m.query(
    `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.decisions, s.blocked, s.pending_review, s.without_confidence, s.reviewed, s.overridden,
            (SELECT coalesce(json_agg(json_build_array(x.bucket, x.count)), '[]') FROM monitoring_daily_confidence x WHERE ${of}) AS buckets,
            (SELECT coalesce(json_agg(json_build_array(x.label, x.count) ORDER BY x.count DESC, x.label), '[]')
               FROM monitoring_daily_labels x WHERE ${of}) AS labels
       FROM monitoring_daily_stats s
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

/**
 * The counting of sealed decisions and reviews into the monitoring statistics (docs/monitoring.md),
 * shared by the migrations that create and redefine the sealing trigger.
 */
/** Labels kept by name per automation version; the rest count as OTHER_LABEL (docs/monitoring.md). */
const LABEL_NAMES = 50;
const OTHER_LABEL = '(other)';

/**
 * Which time of a decision gives the day it counts on: when it was recorded (the first statistics),
 * or when it happened, never after it was recorded (MonitoringByOccurrence1765180800000).
 */
export type DecisionDay = 'recorded' | 'occurred';
const DAY_OF: Record<DecisionDay, string> = {
  recorded: `(d.recorded_at AT TIME ZONE 'UTC')::date`,
  occurred: `(least(d.occurred_at, d.recorded_at) AT TIME ZONE 'UTC')::date`,
};

/**
 * The statement that counts the decisions and reviews of the leaves `sealedLeaves` names (a FROM
 * item aliased `n`, with its WHERE), into every statistics table at once (data-modifying CTEs:
 * the decisions are read once). Labels: a version keeps its first LABEL_NAMES distinct labels by
 * name (the most frequent of a batch first); later ones count as OTHER_LABEL.
 */
export const countSealed = (sealedLeaves: string, day: DecisionDay) => `
  WITH leaves AS MATERIALIZED (SELECT n.kind, n.fact_id FROM ${sealedLeaves}),
  sealed_decisions AS MATERIALIZED (
    SELECT d.tenant_id, d.automation_version_id, ${DAY_OF[day]} AS day, d.status, d.confidence,
           left(d.output #>> p.path, 200) AS label
      FROM leaves n
      JOIN decision_monitoring_rows d ON d.id = CASE WHEN n.kind = 'decision' THEN n.fact_id::uuid END
      LEFT JOIN monitoring_label_paths p ON p.automation_id = d.automation_id
     WHERE n.kind = 'decision'),
  sealed_reviews AS MATERIALIZED (
    SELECT d.tenant_id, d.automation_version_id, ${DAY_OF[day]} AS day,
           count(*) AS reviewed, count(*) FILTER (WHERE r.verdict = 'override') AS overridden
      FROM leaves n
      JOIN decision_review_monitoring_rows r ON r.id = CASE WHEN n.kind = 'decision_review' THEN n.fact_id::uuid END
      JOIN decision_monitoring_rows d ON d.id = r.decision_id
     WHERE n.kind = 'decision_review'
     GROUP BY 1, 2, 3),
  totals AS (
    SELECT tenant_id, automation_version_id, day, count(*) AS decisions,
           count(*) FILTER (WHERE status = 'blocked') AS blocked,
           count(*) FILTER (WHERE status = 'pending_review') AS pending_review,
           count(*) FILTER (WHERE confidence IS NULL) AS without_confidence,
           0::bigint AS reviewed, 0::bigint AS overridden
      FROM sealed_decisions GROUP BY 1, 2, 3
    UNION ALL
    SELECT tenant_id, automation_version_id, day, 0, 0, 0, 0, reviewed, overridden FROM sealed_reviews),
  stats AS (
    INSERT INTO monitoring_daily_stats AS s
      (tenant_id, automation_version_id, day, decisions, blocked, pending_review, without_confidence, reviewed, overridden)
    SELECT tenant_id, automation_version_id, day, sum(decisions), sum(blocked), sum(pending_review),
           sum(without_confidence), sum(reviewed), sum(overridden)
      FROM totals GROUP BY 1, 2, 3
    ON CONFLICT (tenant_id, automation_version_id, day) DO UPDATE SET
      decisions = s.decisions + excluded.decisions, blocked = s.blocked + excluded.blocked,
      pending_review = s.pending_review + excluded.pending_review,
      without_confidence = s.without_confidence + excluded.without_confidence,
      reviewed = s.reviewed + excluded.reviewed, overridden = s.overridden + excluded.overridden),
  confidence AS (
    INSERT INTO monitoring_daily_confidence AS c (tenant_id, automation_version_id, day, bucket, count)
    SELECT tenant_id, automation_version_id, day, least(floor(confidence * 10), 9)::smallint, count(*)
      FROM sealed_decisions WHERE confidence IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, automation_version_id, day, bucket) DO UPDATE SET count = c.count + excluded.count),
  batch_labels AS (
    SELECT b.tenant_id, b.automation_version_id, b.label, b.n, (k.label IS NOT NULL) AS known
      FROM (SELECT tenant_id, automation_version_id, label, count(*) AS n
              FROM sealed_decisions WHERE label IS NOT NULL GROUP BY 1, 2, 3) b
      LEFT JOIN monitoring_label_names k
        ON k.tenant_id = b.tenant_id AND k.automation_version_id = b.automation_version_id AND k.label = b.label),
  admitted AS (
    SELECT tenant_id, automation_version_id, label FROM (
      SELECT b.*, row_number() OVER (PARTITION BY b.automation_version_id ORDER BY b.n DESC, b.label) AS rank,
             ${LABEL_NAMES} - (SELECT count(*) FROM monitoring_label_names k
                                WHERE k.tenant_id = b.tenant_id AND k.automation_version_id = b.automation_version_id) AS room
        FROM batch_labels b WHERE NOT b.known AND b.label <> '${OTHER_LABEL}') ranked
     WHERE rank <= room),
  named AS (
    INSERT INTO monitoring_label_names (tenant_id, automation_version_id, label) SELECT * FROM admitted)
  INSERT INTO monitoring_daily_labels AS l (tenant_id, automation_version_id, day, label, count)
  SELECT d.tenant_id, d.automation_version_id, d.day,
         CASE WHEN b.known OR a.label IS NOT NULL THEN d.label ELSE '${OTHER_LABEL}' END, count(*)
    FROM sealed_decisions d
    JOIN batch_labels b ON b.tenant_id = d.tenant_id AND b.automation_version_id = d.automation_version_id AND b.label = d.label
    LEFT JOIN admitted a ON a.tenant_id = d.tenant_id AND a.automation_version_id = d.automation_version_id AND a.label = d.label
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, automation_version_id, day, label) DO UPDATE SET count = l.count + excluded.count`;

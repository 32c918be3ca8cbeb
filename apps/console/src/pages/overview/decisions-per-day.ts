import type { DecisionStatus } from '../../gql/graphql';

export interface DecisionDay {
  day: string;
  recorded: number;
  pendingReview: number;
  blocked: number;
}

/** Every day of the range listed (zeros included), oldest first, by the UTC day the decision was made. */
export function countPerDay(days: number, decisions: { occurredAt: string; status: DecisionStatus }[], now = new Date()): DecisionDay[] {
  const rows = Array.from({ length: days }, (_, i) => ({
    day: startOfUtcDay(days - 1 - i, now)
      .toISOString()
      .slice(0, 10),
    recorded: 0,
    pendingReview: 0,
    blocked: 0,
  }));
  const byDay = new Map(rows.map((row) => [row.day, row]));
  for (const decision of decisions) {
    const row = byDay.get(decision.occurredAt.slice(0, 10));
    if (!row) continue;
    if (decision.status === 'RECORDED') row.recorded += 1;
    else if (decision.status === 'PENDING_REVIEW') row.pendingReview += 1;
    else row.blocked += 1;
  }
  return rows;
}

/** Midnight UTC, `daysAgo` days before `now`. */
export function startOfUtcDay(daysAgo: number, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo));
}

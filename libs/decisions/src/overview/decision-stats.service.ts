import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { DecisionStatus } from '../models/decision.enums';
import { readableDecisions } from '../queries/decision-access';
import { MAX_OVERVIEW_DAYS, type DecisionDayCountModel, type ReviewBacklogModel } from './decision-stats.models';

const DAY_MS = 86_400_000;
const DAY_OF = `to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * The overview's decision aggregates (issue 15), under the same read rules as the decisions list.
 * Per day: an index-only scan of decisions_status over the range (docs/performance.md, "Console
 * reads": ~0.2 s for 30 days and 333,000 decisions); decision_counts (lineage's, by month and
 * model version, sealed only) cannot answer by day.
 */
@Injectable()
export class DecisionStats {
  constructor(private readonly db: TenantDb) {}

  /** Every day of the range, oldest first, zeros included, so a chart has no gaps. */
  async perDay(actor: AuthenticatedPrincipal, days: number, now = new Date()): Promise<DecisionDayCountModel[]> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_OVERVIEW_DAYS)
      throw AttestError.validation(`days must be an integer from 1 to ${MAX_OVERVIEW_DAYS}`, { field: 'days' });
    const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS;
    const rows: { day: string; status: DecisionStatus; count: number }[] = await this.db.transaction(actor.tenantId, (m) =>
      readableDecisions(m, actor)
        .select(DAY_OF, 'day')
        .addSelect('d.status', 'status')
        .addSelect('count(*)::int', 'count')
        .andWhere('d.recorded_at >= :first', { first: new Date(first) })
        .groupBy(DAY_OF)
        .addGroupBy('d.status')
        .getRawMany(),
    );
    const counts = new Map(rows.map((r) => [`${r.day}|${r.status}`, r.count]));
    return Array.from({ length: days }, (_, i) => {
      const day = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
      const of = (status: DecisionStatus) => counts.get(`${day}|${status}`) ?? 0;
      const [recorded, pendingReview, blocked] = [
        of(DecisionStatus.RECORDED),
        of(DecisionStatus.PENDING_REVIEW),
        of(DecisionStatus.BLOCKED),
      ];
      return { day, total: recorded + pendingReview + blocked, recorded, pendingReview, blocked };
    });
  }

  /** Decisions awaiting review (their open review items), how many are overdue, and the oldest one's age. */
  async reviewBacklog(actor: AuthenticatedPrincipal, now = new Date()): Promise<ReviewBacklogModel> {
    const row: { waiting: number; overdue: number; oldest: Date | null } | undefined = await this.db.transaction(actor.tenantId, (m) =>
      readableDecisions(m, actor)
        .innerJoin('review_items', 'i', 'i.decision_id = d.id')
        .select('count(*)::int', 'waiting')
        .addSelect('(count(*) FILTER (WHERE i.due_at <= clock_timestamp()))::int', 'overdue')
        .addSelect('min(i.recorded_at)', 'oldest')
        .getRawOne(),
    );
    const oldest = row?.oldest ? new Date(row.oldest) : null;
    return {
      waiting: row?.waiting ?? 0,
      overdue: row?.overdue ?? 0,
      oldestRecordedAt: oldest,
      oldestWaitingSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null,
    };
  }
}

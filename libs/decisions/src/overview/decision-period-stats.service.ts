import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { SelectQueryBuilder } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionStatus, ReviewVerdict } from '../models/decision.enums';
import { readableDecisions } from '../queries/decision-access';

/** Which decisions to count: an automation's, a model version's or the tenant's, recorded in [from, to) when given. */
export interface DecisionScope {
  automationId?: string;
  modelVersionId?: string;
  from?: Date;
  to?: Date;
}

/** The figures of an evidence pack about many decisions: counted in SQL under the reader's rules, never listed. */
export interface DecisionPeriodFigures {
  total: number;
  byStatus: Record<DecisionStatus, number>;
  /** Decisions with at least one human review, and those a reviewer overrode. */
  reviewed: number;
  overridden: number;
  /** Each policy that matched at least one decision, with how many, most frequent first. */
  policiesFired: { id: string; effect: string; count: number }[];
}

/**
 * Counts for evidence packs (a model version's decisions, an audit period): the decisions the reader
 * may read, by status, reviewed and overridden, and the policies that fired. Each is one aggregate
 * over decisions_page / decisions_automation / decisions_model_version; nothing is loaded row by row.
 */
@Injectable()
export class DecisionPeriodStats {
  constructor(private readonly db: TenantDb) {}

  figures(actor: AuthenticatedPrincipal, scope: DecisionScope): Promise<DecisionPeriodFigures> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const scoped = () => inScope(readableDecisions(m, actor), scope);
      const statuses: { status: DecisionStatus; count: number }[] = await scoped()
        .select('d.status', 'status')
        .addSelect('count(*)::int', 'count')
        .groupBy('d.status')
        .getRawMany();
      const reviews: { reviewed: number; overridden: number } | undefined = await scoped()
        .innerJoin('decision_reviews', 'r', 'r.decision_id = d.id')
        .select('count(DISTINCT d.id)::int', 'reviewed')
        .addSelect('(count(DISTINCT d.id) FILTER (WHERE r.verdict = :override))::int', 'overridden')
        .setParameter('override', ReviewVerdict.OVERRIDE)
        .getRawOne();
      // Each matched policy of each decision in scope, counted: the scope's query, read as a subquery.
      const [scopeSql, params] = scoped().select('d.policy_results', 'policy_results').getQueryAndParameters();
      const fired: { id: string; effect: string; count: number }[] = await m.query(
        `SELECT p->>'id' AS id, p->>'effect' AS effect, count(*)::int AS count
           FROM (${scopeSql}) s CROSS JOIN LATERAL jsonb_array_elements(s.policy_results) p
          GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
        params,
      );
      const byStatus = Object.fromEntries(Object.values(DecisionStatus).map((s) => [s, 0])) as Record<DecisionStatus, number>;
      for (const row of statuses) byStatus[row.status] = row.count;
      return {
        total: statuses.reduce((sum, r) => sum + r.count, 0),
        byStatus,
        reviewed: reviews?.reviewed ?? 0,
        overridden: reviews?.overridden ?? 0,
        policiesFired: fired,
      };
    });
  }

  /** The decisions of an automation reviewed in [from, to): the subjects of its review audit events in the period. */
  reviewedIn(actor: AuthenticatedPrincipal, automationId: string, from: Date, to: Date, limit: number): Promise<string[]> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows: { id: string }[] = await readableDecisions(m, actor)
        .andWhere('d.automation_id = :automationId', { automationId })
        .andWhere('EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = d.id AND r.created_at >= :from AND r.created_at < :to)', {
          from,
          to,
        })
        .select('d.id', 'id')
        .limit(limit)
        .getRawMany();
      return rows.map((r) => r.id);
    });
  }
}

function inScope(query: SelectQueryBuilder<DecisionEntity>, scope: DecisionScope): SelectQueryBuilder<DecisionEntity> {
  if (scope.automationId) query.andWhere('d.automation_id = :automationId', { automationId: scope.automationId });
  if (scope.modelVersionId) query.andWhere('d.model_version_id = :modelVersionId', { modelVersionId: scope.modelVersionId });
  if (scope.from) query.andWhere('d.recorded_at >= :from', { from: scope.from });
  if (scope.to) query.andWhere('d.recorded_at < :to', { to: scope.to });
  return query;
}

import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { LifecycleStatus, OverviewInventoryQuery, RiskClass, RiskTier } from '../../gql/graphql';
import { countPerDay, startOfUtcDay, type DecisionDay } from './decisions-per-day';
import { InventoryDocument, LedgerDocument, PolicyPackDocument, RecentDecisionsDocument, ReviewQueueDocument } from './overview.queries';

/** One panel's data as QueryState takes it. */
export interface Panel<T> {
  data?: T;
  fetching: boolean;
  error?: CombinedError;
}

export interface Inventory {
  models: number;
  modelVersions: number;
  automations: number;
  automationVersions: number;
  /** Automation versions per EU AI Act risk class, most severe first. */
  byRiskClass: { riskClass: RiskClass; count: number }[];
  /** Model versions per risk tier. */
  byRiskTier: { riskTier: RiskTier; count: number }[];
  /** Model and automation versions per lifecycle status, in lifecycle order. */
  byStatus: { status: LifecycleStatus; models: number; automations: number }[];
  /** More than one page of models or automations: the counts cover the first 100 of each. */
  partial: boolean;
}

export interface DecisionsPerDay {
  days: DecisionDay[];
  /** More decisions than one page: the chart shows the most recent 100. */
  partial: boolean;
}

export interface ReviewBacklog {
  waiting: number;
  oldestWaitingSeconds: number | null;
  partial: boolean;
}

export const RISK_CLASSES: RiskClass[] = ['UNACCEPTABLE', 'HIGH', 'LIMITED', 'MINIMAL'];
export const RISK_TIERS: RiskTier[] = ['HIGH', 'MEDIUM', 'LOW'];
export const LIFECYCLE: LifecycleStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'DEPLOYED', 'DEPRECATED', 'RETIRED'];

/**
 * Everything the overview shows, panel by panel: the one place the page reads the API, so that it
 * can move to the API's aggregate overview query (counts computed in SQL) without touching the page.
 * Until then, counts come from the lists, up to their page limit, and say so when they are partial.
 */
export function useOverview({ days, canReview }: { days: number; canReview: boolean }) {
  const from = useMemo(() => startOfUtcDay(days - 1).toISOString(), [days]);
  const [inventory] = useQuery({ query: InventoryDocument });
  const [decisions] = useQuery({ query: RecentDecisionsDocument, variables: { from } });
  const [reviews] = useQuery({ query: ReviewQueueDocument, pause: !canReview });
  const [policyPack] = useQuery({ query: PolicyPackDocument });
  const [ledger] = useQuery({ query: LedgerDocument });

  return {
    inventory: mapPanel(inventory, (d) => countInventory(d)),
    decisionsPerDay: mapPanel(decisions, (d) => ({
      days: countPerDay(
        days,
        d.decisions.edges.map((e) => e.node),
      ),
      partial: d.decisions.pageInfo.hasNextPage,
    })),
    reviews: canReview
      ? mapPanel(reviews, (d) => ({
          waiting: d.reviewQueue.edges.length,
          oldestWaitingSeconds: d.reviewQueue.edges.length ? Math.max(...d.reviewQueue.edges.map((e) => e.node.waitingSeconds)) : null,
          partial: d.reviewQueue.pageInfo.hasNextPage,
        }))
      : undefined,
    policyPack: mapPanel(policyPack, (d) => ({ pack: d.activePolicyPack ?? null })),
    ledger: mapPanel(ledger, (d) => ({ status: d.ledgerStatus, lastVerification: d.ledgerVerifications.edges[0]?.node ?? null })),
  };
}

function mapPanel<T, U>(result: { data?: T; fetching: boolean; error?: CombinedError }, map: (data: T) => U): Panel<U> {
  return { data: result.data ? map(result.data) : undefined, fetching: result.fetching, error: result.error };
}

function countInventory(d: OverviewInventoryQuery): Inventory {
  const modelVersions = d.models.edges.flatMap((e) => e.node.versions);
  const automationVersions = d.automations.edges.flatMap((e) => e.node.versions);
  const count = <T>(values: T[], value: T) => values.filter((v) => v === value).length;
  return {
    models: d.models.edges.length,
    modelVersions: modelVersions.length,
    automations: d.automations.edges.length,
    automationVersions: automationVersions.length,
    byRiskClass: RISK_CLASSES.map((riskClass) => ({
      riskClass,
      count: count(
        automationVersions.map((v) => v.riskClass),
        riskClass,
      ),
    })),
    byRiskTier: RISK_TIERS.map((riskTier) => ({
      riskTier,
      count: count(
        modelVersions.map((v) => v.riskTier),
        riskTier,
      ),
    })),
    byStatus: LIFECYCLE.map((status) => ({
      status,
      models: count(
        modelVersions.map((v) => v.status),
        status,
      ),
      automations: count(
        automationVersions.map((v) => v.status),
        status,
      ),
    })),
    partial: d.models.pageInfo.hasNextPage || d.automations.pageInfo.hasNextPage,
  };
}

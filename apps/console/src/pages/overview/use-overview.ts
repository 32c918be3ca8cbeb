import { useQuery, type CombinedError } from 'urql';
import type { OverviewQuery } from '../../gql/graphql';
import { useActivity } from '../../api/use-activity';
import { OverviewDocument } from './overview.queries';

/** One panel's data as QueryState takes it. */
export interface Panel<T> {
  data?: T;
  fetching: boolean;
  error?: CombinedError;
}

type Overview = OverviewQuery['complianceOverview'];

export interface Inventory {
  models: number;
  modelVersions: number;
  automations: number;
  automationVersions: number;
  datasets: number;
  datasetVersions: number;
  /** Automation versions per EU AI Act risk class, most severe first. */
  byRiskClass: Overview['automations']['versionsByRiskClass'];
  /** Model and automation versions per lifecycle status, in lifecycle order. */
  byStatus: { status: Overview['models']['versionsByStatus'][number]['status']; models: number; automations: number }[];
}

export type DecisionDay = Overview['decisionsPerDay'][number];
export type ReviewBacklog = NonNullable<Overview['reviewBacklog']>;
export type ActivePolicyPack = Overview['activePolicyPack'];
export interface LedgerView {
  latestCheckpoint: Overview['latestCheckpoint'];
  lastVerification: Overview['lastVerification'];
}

/**
 * Everything the overview shows, panel by panel, from the API's `complianceOverview` (one request;
 * the counts are the server's). The one place the page reads the API.
 */
export function useOverview({ days, canReview, live }: { days: number; canReview: boolean; live: boolean }) {
  const [result, reexecute] = useQuery({ query: OverviewDocument, variables: { days, withReviews: canReview } });
  // Live: decisions recorded or the review queue changed elsewhere; the counts are read again.
  useActivity(() => reexecute({ requestPolicy: 'network-only' }), live);
  const panel = <T>(map: (o: Overview) => T): Panel<T> => ({
    data: result.data ? map(result.data.complianceOverview) : undefined,
    fetching: result.fetching,
    error: result.error,
  });
  return {
    inventory: panel(inventoryOf),
    decisionsPerDay: panel((o) => o.decisionsPerDay),
    reviews: canReview ? panel((o) => o.reviewBacklog ?? { waiting: 0, overdue: 0, oldestWaitingSeconds: null }) : undefined,
    policyPack: panel((o) => ({ pack: o.activePolicyPack ?? null })),
    ledger: panel((o): LedgerView => ({ latestCheckpoint: o.latestCheckpoint ?? null, lastVerification: o.lastVerification ?? null })),
  };
}

function inventoryOf(o: Overview): Inventory {
  const automationsBy = new Map(o.automations.versionsByStatus.map((s) => [s.status, s.count]));
  return {
    models: o.models.models,
    modelVersions: o.models.versions,
    automations: o.automations.automations,
    automationVersions: o.automations.versions,
    datasets: o.datasets.datasets,
    datasetVersions: o.datasets.versions,
    byRiskClass: o.automations.versionsByRiskClass,
    byStatus: o.models.versionsByStatus.map((s) => ({ status: s.status, models: s.count, automations: automationsBy.get(s.status) ?? 0 })),
  };
}

import type { DecisionFilter, DecisionStatus, PolicyEffect } from '../../gql/graphql';

/**
 * The decisions page's filters as URL search parameters, so a filtered view is a link. The same
 * names and values as the API's DecisionFilter (and GET /api/v1/decisions.csv's query string);
 * the API validates them again (reversed ranges, ids) and the page shows its refusal in words.
 */
export interface DecisionSearch {
  automationId?: string;
  modelVersionId?: string;
  status?: DecisionStatus;
  policyId?: string;
  policyEffect?: PolicyEffect;
  /** ISO 8601 instants: occurredAt >= from, occurredAt < to. */
  from?: string;
  to?: string;
  minConfidence?: number;
  maxConfidence?: number;
  correlationId?: string;
  /** The page: an endCursor of the previous page. */
  after?: string;
}

export const DECISION_STATUSES: DecisionStatus[] = ['RECORDED', 'PENDING_REVIEW', 'BLOCKED'];
export const POLICY_EFFECTS: PolicyEffect[] = ['DENY', 'REQUIRE_REVIEW', 'ANNOTATE', 'ALLOW'];

const TEXT_FIELDS = ['automationId', 'modelVersionId', 'policyId', 'from', 'to', 'correlationId', 'after'] as const;
const FILTER_FIELDS = [...TEXT_FIELDS.filter((f) => f !== 'after'), 'status', 'policyEffect', 'minConfidence', 'maxConfidence'] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function confidence(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** validateSearch: keeps what has the right shape, drops the rest (an unknown status is no filter, not a crash). */
export function parseDecisionSearch(search: Record<string, unknown>): DecisionSearch {
  const parsed: DecisionSearch = {};
  for (const field of TEXT_FIELDS) {
    const value = search[field];
    if (typeof value === 'string' && value.trim() !== '') parsed[field] = value.trim();
  }
  parsed.status = oneOf(DECISION_STATUSES, search.status);
  parsed.policyEffect = oneOf(POLICY_EFFECTS, search.policyEffect);
  parsed.minConfidence = confidence(search.minConfidence);
  parsed.maxConfidence = confidence(search.maxConfidence);
  return withoutUndefined(parsed);
}

/** The GraphQL filter of a search (the cursor is not part of it); undefined when nothing filters. */
export function decisionFilterOf(search: DecisionSearch): DecisionFilter | undefined {
  const filter: DecisionFilter = {};
  for (const field of FILTER_FIELDS) {
    if (search[field] !== undefined) (filter as Record<string, unknown>)[field] = search[field];
  }
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** GET /api/v1/decisions.csv with the same filters, as GraphQL spells them (docs/api.md §15). */
export function decisionsCsvPath(search: DecisionSearch): string {
  const query = new URLSearchParams();
  for (const [field, value] of Object.entries(decisionFilterOf(search) ?? {})) query.set(field, String(value));
  const text = query.toString();
  return `/api/v1/decisions.csv${text ? `?${text}` : ''}`;
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import type { Effect } from '@attest/policy';
import type { DecisionRecord } from '@attest/policy-review';
import { requestWhole, type GraphQLTransport } from '../ledger/graphql-client';

const PAGE = 100;

const DECISIONS = `query($first: Int!, $after: String, $filter: DecisionFilter) {
  decisions(first: $first, after: $after, filter: $filter) {
    edges { node { id recordedAt automation { key } policyEvaluation { packDigest effect matched { id } } policyFacts } }
    pageInfo { hasNextPage endCursor } } }`;

interface Page {
  decisions: {
    edges: { node: { id: string; recordedAt: string; automation: { key: string } | null; policyEvaluation: { packDigest: string; effect: Effect; matched: { id: string }[] } | null; policyFacts: Record<string, unknown> | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface DecisionQuery {
  /** occurredAt ≥ from, < to (ISO 8601). */
  from?: string;
  to?: string;
  automationId?: string;
}

/**
 * The tenant's recorded decisions, newest first, as replay records: only what the replay needs
 * (ids, the automation's key, what the pack decided, the facts it judged), 100 per request with
 * the API key's rights (a read-only role such as auditor suffices).
 */
export async function* decisionsFromApi(client: GraphQLTransport, query: DecisionQuery, onPage?: (read: number) => void): AsyncGenerator<DecisionRecord> {
  const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  let after: string | null = null;
  let read = 0;
  for (;;) {
    const page: Page = await requestWhole<Page>(client, 'the decisions query', DECISIONS, { first: PAGE, after, filter });
    for (const { node } of page.decisions.edges) {
      read += 1;
      yield {
        id: node.id,
        automationKey: node.automation?.key ?? '(unknown automation)',
        recordedAt: node.recordedAt,
        recorded: node.policyEvaluation && { packDigest: node.policyEvaluation.packDigest, effect: node.policyEvaluation.effect, matched: node.policyEvaluation.matched.map((m) => m.id).sort() },
        facts: node.policyFacts,
      };
    }
    onPage?.(read);
    if (!page.decisions.pageInfo.hasNextPage) return;
    after = page.decisions.pageInfo.endCursor;
  }
}

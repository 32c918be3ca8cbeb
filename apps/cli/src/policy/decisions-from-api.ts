import { fromGraphqlEnum } from '@attest/core';
import type { Effect } from '@attest/policy';
import type { DecisionRecord, GateRecord, ReplayRecord } from '@attest/policy-review';
import { requestWhole, type GraphQLTransport } from '../ledger/graphql-client';

const PAGE = 100;

const DECISIONS = `query($first: Int!, $after: String, $filter: DecisionFilter) {
  decisions(first: $first, after: $after, filter: $filter) {
    edges { node { id recordedAt automation { key } policyEvaluation { packDigest effect matched { id } } policyFacts policyFactsWithheld } }
    pageInfo { hasNextPage endCursor } } }`;

interface Page {
  decisions: {
    edges: {
      node: {
        id: string;
        recordedAt: string;
        automation: { key: string } | null;
        policyEvaluation: { packDigest: string; effect: Effect; matched: { id: string }[] } | null;
        policyFacts: Record<string, unknown> | null;
        policyFactsWithheld: string[];
      };
    }[];
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
async function* decisionsFromApi(client: GraphQLTransport, query: DecisionQuery): AsyncGenerator<DecisionRecord> {
  const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  let after: string | null = null;
  for (;;) {
    const page: Page = await requestWhole<Page>(client, 'the decisions query', DECISIONS, { first: PAGE, after, filter });
    for (const { node } of page.decisions.edges) {
      yield {
        id: node.id,
        automationKey: node.automation?.key ?? '(unknown automation)',
        recordedAt: node.recordedAt,
        recorded: node.policyEvaluation && {
          packDigest: node.policyEvaluation.packDigest,
          effect: fromGraphqlEnum<Effect>(node.policyEvaluation.effect),
          matched: node.policyEvaluation.matched.map((m) => m.id).sort(),
        },
        facts: node.policyFacts,
        withheld: node.policyFactsWithheld,
      };
    }
    if (!page.decisions.pageInfo.hasNextPage) return;
    after = page.decisions.pageInfo.endCursor;
  }
}

const GATES = `{ lifecycleGateFacts { subjectType id label status appliesTo facts } }`;

/** The lifecycle gates first (a few hundred versions, one request), then the decisions. */
export async function* recordsFromApi(client: GraphQLTransport, query: DecisionQuery): AsyncGenerator<ReplayRecord> {
  const { lifecycleGateFacts } = await requestWhole<{ lifecycleGateFacts: Omit<GateRecord, 'kind'>[] }>(
    client,
    'the lifecycle gates query',
    GATES,
  );
  for (const gate of lifecycleGateFacts) yield { kind: 'gate', ...gate };
  yield* decisionsFromApi(client, query);
}

import '@mantine/dates/styles.css';
import 'mantine-datatable/styles.css';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { DecisionFilters } from './DecisionFilters';
import { decisionFilterOf, decisionsCsvPath, type DecisionSearch } from './decision-search';
import { Timestamp } from '../../components/Timestamp';
import { confidenceText } from './format';
import { decisionsRoute } from './route';
import { StatusBadge } from './StatusBadge';

export const PAGE_SIZE = 25;

const DecisionsDocument = graphql(`
  query DecisionsPage($first: Int!, $after: String, $filter: DecisionFilter) {
    decisions(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          idempotencyKey
          correlationId
          status
          outcome
          confidence
          occurredAt
          recordedAt
          automation {
            key
          }
          policyEvaluation {
            matched {
              id
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * The decisions the caller may read, newest recorded first, a page at a time: the server filters and
 * pages with its keyset cursors (it holds 10⁶ decisions; the page never asks for more than one page).
 * "Previous" walks back the cursors this page has followed; a link opened mid-list goes back to the first page.
 */
export function DecisionsPage() {
  const search = decisionsRoute.useSearch();
  const navigate = useNavigate({ from: decisionsRoute.fullPath });
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const [result] = useQuery({
    query: DecisionsDocument,
    variables: { first: PAGE_SIZE, after: search.after, filter: decisionFilterOf(search) },
  });

  const goTo = (next: DecisionSearch) => navigate({ search: next });
  const applyFilters = (filters: Omit<DecisionSearch, 'after'>) => {
    setPrevious([]);
    void goTo(filters);
  };
  const nextPage = (cursor: string) => {
    setPrevious((stack) => [...stack, search.after]);
    void goTo({ ...search, after: cursor });
  };
  const previousPage = () => {
    const after = previous.at(-1);
    setPrevious((stack) => stack.slice(0, -1));
    void goTo({ ...search, after });
  };

  return (
    <>
      <PageHeader
        title="Decisions"
        description="Every automated outcome recorded, newest first. Filters are part of the address: share the link."
        actions={
          <Button component="a" href={decisionsCsvPath(search)} leftSection={<IconDownload size={16} aria-hidden />} variant="default">
            Export CSV
          </Button>
        }
      />
      <DecisionFilters search={search} onApply={applyFilters} />
      {result.error && result.data && <ApiErrorAlert error={result.error} />}
      <QueryState
        result={result}
        loadingLabel="Loading decisions…"
        isEmpty={(data) => data.decisions.edges.length === 0}
        empty={{
          title: search.after ? 'No more decisions' : 'No decision matches',
          hint: 'Widen the filters, or record decisions through the API (recordDecision).',
        }}
      >
        {(data) => (
          <>
            <DataTable
              withTableBorder
              striped
              highlightOnHover
              fetching={result.fetching}
              aria-label="Decisions"
              idAccessor={(row) => row.node.id}
              records={data.decisions.edges}
              columns={[
                {
                  accessor: 'node.recordedAt',
                  title: 'Recorded',
                  noWrap: true,
                  render: ({ node }) => (
                    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/decisions/$id" params={{ id: node.id }} />}>
                      <Timestamp value={node.recordedAt} inherit />
                    </Anchor>
                  ),
                },
                { accessor: 'node.automation.key', title: 'Automation', render: ({ node }) => node.automation?.key ?? '—' },
                { accessor: 'node.status', title: 'Status', noWrap: true, render: ({ node }) => <StatusBadge status={node.status} /> },
                { accessor: 'node.outcome', title: 'Outcome', noWrap: true, render: ({ node }) => <StatusBadge status={node.outcome} /> },
                {
                  accessor: 'node.confidence',
                  title: 'Confidence',
                  textAlign: 'right',
                  render: ({ node }) => (
                    <Text size="sm" ff="monospace">
                      {confidenceText(node.confidence)}
                    </Text>
                  ),
                },
                {
                  accessor: 'node.policyEvaluation',
                  title: 'Policies matched',
                  render: ({ node }) => node.policyEvaluation?.matched.map((m) => m.id).join(', ') || '—',
                },
                {
                  accessor: 'node.correlationId',
                  title: 'Correlation id',
                  render: ({ node }) => node.correlationId ?? '—',
                },
              ]}
            />
            <Group justify="space-between" mt="sm">
              <Text size="sm" c="dimmed">
                {data.decisions.edges.length} on this page
              </Text>
              <Group gap="xs">
                <Button variant="default" disabled={!search.after} onClick={previousPage}>
                  Previous page
                </Button>
                <Button
                  variant="default"
                  disabled={!data.decisions.pageInfo.hasNextPage || !data.decisions.pageInfo.endCursor}
                  onClick={() => nextPage(data.decisions.pageInfo.endCursor!)}
                >
                  Next page
                </Button>
              </Group>
            </Group>
          </>
        )}
      </QueryState>
    </>
  );
}

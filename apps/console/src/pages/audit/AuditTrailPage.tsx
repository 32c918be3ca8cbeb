import 'mantine-datatable/styles.css';
import '@mantine/dates/styles.css';
import { Anchor, Button, Code, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useQuery } from 'urql';
import { CursorPager } from '../../components/CursorPager';
import { Timestamp } from '../../components/Timestamp';
import { PageHeader } from '../../components/PageHeader';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { AuditFilters } from './AuditFilters';
import { ChangesDiff } from './ChangesDiff';
import { auditRoute } from './route';
import { auditCsvHref } from './search';
import { subjectHref } from './subject-link';

const PAGE_SIZE = 50;

const AuditEventsDocument = graphql(`
  query AuditTrail($first: Int!, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          occurredAt
          actorId
          action
          subjectType
          subjectId
          correlationId
          changes
          before
          after
          ledgerIndex
          sealedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /audit: the audit trail, newest first, filtered in the URL; each event's diff, subject and ledger seal; CSV export of the same filter. */
export function AuditTrailPage() {
  const search = auditRoute.useSearch();
  const navigate = auditRoute.useNavigate();
  const router = useRouter();
  const key = JSON.stringify(search);
  const pages = useCursorPages(key);
  const [result] = useQuery({ query: AuditEventsDocument, variables: { first: PAGE_SIZE, after: pages.after, filter: search } });
  const filtered = Object.values(search).some((v) => v !== undefined);

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit trail"
        description="Every change in the tenant, newest first: who made it, what changed, and where it is sealed in the ledger."
        actions={
          <Button component="a" href={auditCsvHref(search)} download leftSection={<IconDownload size={16} aria-hidden />} variant="default">
            Export CSV
          </Button>
        }
      />
      <AuditFilters key={key} value={search} onApply={(filter) => void navigate({ search: filter })} />
      <QueryState
        result={result}
        isEmpty={(data) => data.auditEvents.edges.length === 0}
        empty={{ title: 'No audit events', hint: filtered ? 'Nothing matches these filters.' : 'Nothing has changed yet.' }}
      >
        {(data) => (
          <>
            <DataTable
              aria-label="Audit events"
              withTableBorder
              verticalAlign="top"
              fetching={result.fetching}
              records={data.auditEvents.edges.map((e) => e.node)}
              columns={[
                { accessor: 'occurredAt', title: 'When', width: 170, render: (e) => <Timestamp value={e.occurredAt} /> },
                {
                  accessor: 'actorId',
                  title: 'Actor',
                  render: (e) => (e.actorId ? <PrincipalName id={e.actorId} /> : <Text size="sm">the system</Text>),
                },
                { accessor: 'action', title: 'Action', render: (e) => <Code>{e.action}</Code> },
                {
                  accessor: 'subjectId',
                  title: 'Subject',
                  render: (e) => {
                    const href = subjectHref(e.subjectType, e.subjectId);
                    return (
                      <Stack gap={0}>
                        <Text size="sm">{e.subjectType}</Text>
                        {href ? (
                          <Anchor
                            href={href}
                            size="xs"
                            style={{ overflowWrap: 'anywhere' }}
                            onClick={(event) => {
                              // The router's own navigation (no reload); decisions' pages belong to another part of the console.
                              event.preventDefault();
                              router.history.push(href);
                            }}
                          >
                            {e.subjectId}
                          </Anchor>
                        ) : (
                          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                            {e.subjectId}
                          </Text>
                        )}
                      </Stack>
                    );
                  },
                },
                { accessor: 'changes', title: 'Changes (before → after)', width: '35%', render: (e) => <ChangesDiff event={e} /> },
                {
                  accessor: 'ledgerIndex',
                  title: 'Ledger seal',
                  render: (e) =>
                    e.ledgerIndex != null && e.sealedAt ? (
                      <Text size="sm" data-testid="seal">
                        Leaf #{e.ledgerIndex}, sealed <Timestamp value={e.sealedAt} span />
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed" data-testid="seal">
                        not sealed yet
                      </Text>
                    ),
                },
              ]}
            />
            <CursorPager label="Audit events" pages={pages} pageInfo={data.auditEvents.pageInfo} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

import { Group, Select } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { words } from '../../components/status';
import { LIFECYCLE_STATUSES } from './lifecycle';
import { PAGE_SIZE, RegistryTable } from './RegistryTable';
import { automationsRoute } from './routes';
import { ENVIRONMENTS, orderByOf, RISK_CLASSES } from './search';
import { StatusBadge } from './StatusBadge';

const AutomationsDocument = graphql(`
  query InventoryAutomations($first: Int!, $after: String, $filter: AutomationFilter, $orderBy: RegistryOrder) {
    automations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          id
          key
          name
          createdAt
          owner {
            id
            name
          }
          versions {
            id
            version
            status
            riskClass
            environment
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

export function AutomationsList() {
  const search = automationsRoute.useSearch();
  const navigate = automationsRoute.useNavigate();
  const pages = useCursorPages(JSON.stringify(search));
  const [result] = useQuery({
    query: AutomationsDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search.q, status: search.status, riskClass: search.riskClass, environment: search.environment },
      orderBy: orderByOf(search),
    },
  });
  const onSearch = (change: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  return (
    <RegistryTable
      noun="automations"
      searchLabel="Search automations by key or name"
      search={search}
      onSearch={onSearch}
      result={result}
      select={(data) => data.automations}
      pages={pages}
      filters={
        <>
          <Select
            label="Status (any version)"
            clearable
            data={LIFECYCLE_STATUSES.map((s) => ({ value: s, label: words(s) }))}
            value={search.status ?? null}
            onChange={(value) => onSearch({ status: value ?? undefined })}
            w={180}
          />
          <Select
            label="Risk class"
            clearable
            data={RISK_CLASSES.map((r) => ({ value: r, label: words(r) }))}
            value={search.riskClass ?? null}
            onChange={(value) => onSearch({ riskClass: value ?? undefined })}
            w={160}
          />
          <Select
            label="Environment"
            clearable
            data={ENVIRONMENTS.map((e) => ({ value: e, label: words(e) }))}
            value={search.environment ?? null}
            onChange={(value) => onSearch({ environment: value ?? undefined })}
            w={160}
          />
        </>
      }
      columns={[
        {
          accessor: 'name',
          title: 'Name',
          sortable: true,
          render: (automation) => (
            <AnchorLink to="/inventory/automations/$id" params={{ id: automation.id }} size="sm">
              {automation.name}
            </AnchorLink>
          ),
        },
        { accessor: 'key', title: 'Key' },
        { accessor: 'owner', title: 'Owner', render: (automation) => automation.owner?.name ?? '—' },
        {
          accessor: 'versions',
          title: 'Newest version',
          render: (automation) => {
            const newest = automation.versions[0];
            return newest ? (
              <Group gap={6} wrap="nowrap">
                <span>{newest.version}</span>
                <StatusBadge status={newest.status} />
                <span>
                  {words(newest.riskClass)} risk, {words(newest.environment)}
                </span>
              </Group>
            ) : (
              'none yet'
            );
          },
        },
        { accessor: 'createdAt', title: 'Registered', sortable: true, render: (automation) => <Timestamp value={automation.createdAt} /> },
      ]}
    />
  );
}

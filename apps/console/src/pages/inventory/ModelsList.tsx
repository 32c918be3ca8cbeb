import { Group, Select } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { words } from '../../components/status';
import { LIFECYCLE_STATUSES } from './lifecycle';
import { PAGE_SIZE, RegistryTable } from './RegistryTable';
import { modelsRoute } from './routes';
import { orderByOf, RISK_TIERS } from './search';
import { StatusBadge } from './StatusBadge';

const ModelsDocument = graphql(`
  query InventoryModels($first: Int!, $after: String, $filter: ModelFilter, $orderBy: RegistryOrder) {
    models(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          id
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
            riskTier
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

export function ModelsList() {
  const search = modelsRoute.useSearch();
  const navigate = modelsRoute.useNavigate();
  const pages = useCursorPages(JSON.stringify(search));
  const [result] = useQuery({
    query: ModelsDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search.q, status: search.status, riskTier: search.riskTier },
      orderBy: orderByOf(search),
    },
  });
  const onSearch = (change: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  return (
    <RegistryTable
      noun="models"
      searchLabel="Search models by name"
      search={search}
      onSearch={onSearch}
      result={result}
      select={(data) => data.models}
      pages={pages}
      filters={
        <>
          <Select
            label="Status (any version)"
            clearable
            data={LIFECYCLE_STATUSES.map((s) => ({ value: s, label: words(s) }))}
            value={search.status ?? null}
            onChange={(value) => onSearch({ status: value ?? undefined })}
            w={200}
          />
          <Select
            label="Risk tier (any version)"
            clearable
            data={RISK_TIERS.map((r) => ({ value: r, label: words(r) }))}
            value={search.riskTier ?? null}
            onChange={(value) => onSearch({ riskTier: value ?? undefined })}
            w={200}
          />
        </>
      }
      columns={[
        {
          accessor: 'name',
          title: 'Name',
          sortable: true,
          render: (model) => (
            <AnchorLink to="/inventory/models/$id" params={{ id: model.id }} size="sm">
              {model.name}
            </AnchorLink>
          ),
        },
        { accessor: 'owner', title: 'Owner', render: (model) => model.owner?.name ?? '—' },
        {
          accessor: 'versions',
          title: 'Newest version',
          render: (model) => {
            const newest = model.versions[0];
            return newest ? (
              <Group gap={6} wrap="nowrap">
                <span>{newest.version}</span>
                <StatusBadge status={newest.status} />
                <span>{words(newest.riskTier)} risk</span>
              </Group>
            ) : (
              'none yet'
            );
          },
        },
        { accessor: 'versionCount', title: 'Versions', render: (model) => model.versions.length },
        { accessor: 'createdAt', title: 'Registered', sortable: true, render: (model) => <Timestamp value={model.createdAt} /> },
      ]}
    />
  );
}

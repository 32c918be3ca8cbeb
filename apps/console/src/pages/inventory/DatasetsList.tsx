import { Select } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { PiiClasses } from './PiiClasses';
import { PII_CLASSES } from './pii';
import { PAGE_SIZE, RegistryTable } from './RegistryTable';
import { datasetsRoute } from './routes';
import { orderByOf } from './search';

const DatasetsDocument = graphql(`
  query InventoryDatasets($first: Int!, $after: String, $filter: DatasetFilter, $orderBy: RegistryOrder) {
    datasets(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
            piiClasses
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

export function DatasetsList() {
  const search = datasetsRoute.useSearch();
  const navigate = datasetsRoute.useNavigate();
  const pages = useCursorPages(JSON.stringify(search));
  const [result] = useQuery({
    query: DatasetsDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search.q, piiClass: search.piiClass },
      orderBy: orderByOf(search),
    },
  });
  const onSearch = (change: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  return (
    <RegistryTable
      noun="datasets"
      searchLabel="Search datasets by name"
      search={search}
      onSearch={onSearch}
      result={result}
      select={(data) => data.datasets}
      pages={pages}
      filters={
        <Select
          label="PII class (any version)"
          clearable
          data={PII_CLASSES}
          value={search.piiClass ?? null}
          onChange={(value) => onSearch({ piiClass: value ?? undefined })}
          w={200}
        />
      }
      columns={[
        {
          accessor: 'name',
          title: 'Name',
          sortable: true,
          render: (dataset) => (
            <AnchorLink to="/inventory/datasets/$id" params={{ id: dataset.id }} size="sm">
              {dataset.name}
            </AnchorLink>
          ),
        },
        { accessor: 'owner', title: 'Owner', render: (dataset) => dataset.owner?.name ?? '—' },
        { accessor: 'newest', title: 'Newest version', render: (dataset) => dataset.versions[0]?.version ?? 'none yet' },
        {
          accessor: 'pii',
          title: 'PII classes (newest)',
          render: (dataset) => (dataset.versions[0] ? <PiiClasses classes={dataset.versions[0].piiClasses} /> : '—'),
        },
        { accessor: 'createdAt', title: 'Registered', sortable: true, render: (dataset) => <Timestamp value={dataset.createdAt} /> },
      ]}
    />
  );
}

import { CodeBlock } from '../../components/CodeBlock';
import 'mantine-datatable/styles.css';
import { Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { ExploreLineageLink } from '../../components/ExploreLineageLink';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { Digest, Facts } from './Facts';
import { PiiClasses } from './PiiClasses';
import { datasetDetailRoute } from './routes';
import { StatusBadge } from './StatusBadge';
import { RecordWithVersions } from './RecordWithVersions';

const DatasetDocument = graphql(`
  query InventoryDataset($id: ID!) {
    dataset(id: $id) {
      id
      name
      description
      createdAt
      owner {
        id
        name
      }
      versions {
        id
        version
        piiClasses
        createdAt
      }
    }
  }
`);

const DatasetVersionDocument = graphql(`
  query InventoryDatasetVersion($id: ID!) {
    datasetVersion(id: $id) {
      id
      version
      sourceUri
      digest
      piiClasses
      provenance
      licence
      schema
      createdAt
      createdBy
      usedByModelVersions {
        id
        version
        status
        modelId
        model {
          name
        }
      }
    }
  }
`);

/** /inventory/datasets/$id: a dataset, its snapshots, and the selected one's PII classes, provenance and the models it fed. */
export function DatasetDetailPage() {
  const { id } = datasetDetailRoute.useParams();
  const search = datasetDetailRoute.useSearch();
  const [result] = useQuery({ query: DatasetDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ dataset }) => (
        <RecordWithVersions
          title={`Dataset ${dataset.name}`}
          record={dataset}
          to="/inventory/datasets/$id"
          versions={dataset.versions}
          selectedVersion={search.version}
          noVersions="A model owner registers snapshots through the API (registerDatasetVersion)."
          columns={[
            { accessor: 'piiClasses', title: 'PII classes', render: (v) => <PiiClasses classes={v.piiClasses} /> },
            { accessor: 'createdAt', title: 'Registered', render: (v) => <Timestamp value={v.createdAt} /> },
          ]}
          panel={(versionId) => <DatasetVersionPanel id={versionId} />}
        />
      )}
    </QueryState>
  );
}

function DatasetVersionPanel({ id }: { id: string }) {
  const [result] = useQuery({ query: DatasetVersionDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ datasetVersion: v }) => (
        <Stack gap="md" component="section" aria-labelledby="version-title">
          <Group gap="sm">
            <Title order={2} size="h4" id="version-title">
              Version {v.version}
            </Title>
            <ExploreLineageLink type="DATASET_VERSION" id={v.id} />
          </Group>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                Snapshot
              </Title>
              <Facts
                items={[
                  { label: 'PII classes', value: <PiiClasses classes={v.piiClasses} /> },
                  { label: 'Provenance', value: v.provenance },
                  { label: 'Source', value: <Digest value={v.sourceUri} label="source URI" /> },
                  { label: 'Digest', value: <Digest value={v.digest} label="digest" /> },
                  { label: 'Licence', value: v.licence },
                  {
                    label: 'Registered',
                    value: (
                      <>
                        <Timestamp value={v.createdAt} span /> by <PrincipalName id={v.createdBy} />
                      </>
                    ),
                  },
                ]}
              />
              {v.schema != null && (
                <>
                  <Title order={4} size="h6">
                    Schema
                  </Title>
                  <CodeBlock label="Schema">{JSON.stringify(v.schema, null, 2)}</CodeBlock>
                </>
              )}
              <Text size="sm" c="dimmed">
                A dataset version is an immutable snapshot: it has no lifecycle of its own. Its registration is in the audit trail.
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="lineage-title">
            <Stack gap="sm">
              <Title order={3} size="h5" id="lineage-title">
                Lineage
              </Title>
              <Text size="sm">
                Fed by its source: <Code>{v.sourceUri}</Code>
              </Text>
              <Title order={4} size="h6">
                Feeds (model versions trained or evaluated on it)
              </Title>
              {v.usedByModelVersions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No model version used it.
                </Text>
              ) : (
                <List spacing="xs" size="sm" data-testid="feeds">
                  {v.usedByModelVersions.map((m) => (
                    <List.Item key={m.id}>
                      <Group gap={6}>
                        <AnchorLink to="/inventory/models/$id" params={{ id: m.modelId }} search={{ version: m.id }} size="sm">
                          {m.model?.name ?? 'model'} {m.version}
                        </AnchorLink>
                        <StatusBadge status={m.status} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}

import 'mantine-datatable/styles.css';
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { ExploreLineageLink } from '../../components/ExploreLineageLink';
import { DataTable } from 'mantine-datatable';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { Digest, Facts } from './Facts';
import { LifecycleActions } from './LifecycleActions';
import { LifecycleHistory } from './LifecycleHistory';
import { words } from '../../components/status';
import { PiiClasses } from './PiiClasses';
import { modelDetailRoute } from './routes';
import { StatusBadge } from './StatusBadge';
import { RecordWithVersions } from './RecordWithVersions';

const ModelDocument = graphql(`
  query InventoryModel($id: ID!) {
    model(id: $id) {
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
        status
        riskTier
        framework
        createdAt
      }
    }
  }
`);

const ModelVersionDocument = graphql(`
  query InventoryModelVersion($id: ID!) {
    modelVersion(id: $id) {
      id
      version
      status
      riskTier
      framework
      artifactUri
      artifactDigest
      intendedUse
      limitations
      createdAt
      createdBy
      submittedBy
      approvedBy
      metrics {
        name
        value
        datasetVersionId
      }
      trainingDatasets {
        id
        version
        datasetId
        piiClasses
        digest
        dataset {
          name
        }
      }
      evaluationDatasets {
        id
        version
        datasetId
        piiClasses
        digest
        dataset {
          name
        }
      }
      usedByAutomationVersions {
        id
        version
        status
        automationId
        automation {
          name
          key
        }
      }
      transitions {
        id
        from
        to
        actorId
        rationale
        at
      }
      approvals {
        approverId
        rationale
        at
        reviewRound
      }
    }
  }
`);

/** /inventory/models/$id: a model, its versions, and the selected version's card, lineage and lifecycle. */
export function ModelDetailPage() {
  const { id } = modelDetailRoute.useParams();
  const search = modelDetailRoute.useSearch();
  const [result] = useQuery({ query: ModelDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ model }) => (
        <RecordWithVersions
          title={`Model ${model.name}`}
          record={model}
          to="/inventory/models/$id"
          versions={model.versions}
          selectedVersion={search.version}
          noVersions="A model owner registers versions through the API (registerModelVersion)."
          columns={[
            { accessor: 'status', title: 'Status', render: (v) => <StatusBadge status={v.status} /> },
            { accessor: 'riskTier', title: 'Risk tier', render: (v) => words(v.riskTier) },
            { accessor: 'framework', title: 'Framework' },
            { accessor: 'createdAt', title: 'Registered', render: (v) => <Timestamp value={v.createdAt} /> },
          ]}
          panel={(versionId) => <ModelVersionPanel id={versionId} />}
        />
      )}
    </QueryState>
  );
}

function ModelVersionPanel({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: ModelVersionDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ modelVersion: v }) => (
        <Stack gap="md" component="section" aria-labelledby="version-title">
          <Group gap="sm">
            <Title order={2} size="h4" id="version-title">
              Version {v.version}
            </Title>
            <StatusBadge status={v.status} />
            <ExploreLineageLink type="MODEL_VERSION" id={v.id} />
          </Group>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                Model card
              </Title>
              <Facts
                items={[
                  { label: 'Intended use', value: v.intendedUse },
                  { label: 'Limitations', value: v.limitations },
                  { label: 'Risk tier', value: words(v.riskTier) },
                  { label: 'Framework', value: v.framework },
                  { label: 'Artifact', value: <Digest value={v.artifactUri} label="artifact URI" /> },
                  { label: 'Artifact digest', value: <Digest value={v.artifactDigest} label="artifact digest" /> },
                  {
                    label: 'Registered',
                    value: (
                      <>
                        <Timestamp value={v.createdAt} span /> by <PrincipalName id={v.createdBy} />
                      </>
                    ),
                  },
                  { label: 'Submitted for review by', value: <PrincipalName id={v.submittedBy} /> },
                  { label: 'Approved by', value: <PrincipalName id={v.approvedBy} /> },
                ]}
              />
              <Title order={4} size="h6">
                Metrics
              </Title>
              {v.metrics.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No metrics recorded.
                </Text>
              ) : (
                <DataTable
                  aria-label="Metrics"
                  withTableBorder
                  idAccessor="name"
                  records={v.metrics}
                  columns={[
                    { accessor: 'name', title: 'Metric' },
                    { accessor: 'value', title: 'Value' },
                    {
                      accessor: 'datasetVersionId',
                      title: 'Measured on',
                      render: (m) => {
                        const on = v.evaluationDatasets.concat(v.trainingDatasets).find((d) => d.id === m.datasetVersionId);
                        return on ? `${on.dataset?.name ?? on.datasetId} ${on.version}` : (m.datasetVersionId ?? '—');
                      },
                    },
                  ]}
                />
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="lineage-title">
            <Stack gap="sm">
              <Title order={3} size="h5" id="lineage-title">
                Lineage
              </Title>
              <Title order={4} size="h6">
                Fed by (training and evaluation data)
              </Title>
              {v.trainingDatasets.length + v.evaluationDatasets.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No dataset versions recorded.
                </Text>
              ) : (
                <List spacing="xs" size="sm" data-testid="fed-by">
                  {[
                    ...v.trainingDatasets.map((d) => ({ d, use: 'training' })),
                    ...v.evaluationDatasets.map((d) => ({ d, use: 'evaluation' })),
                  ].map(({ d, use }) => (
                    <List.Item key={`${use}-${d.id}`}>
                      <Group gap={6}>
                        <AnchorLink to="/inventory/datasets/$id" params={{ id: d.datasetId }} search={{ version: d.id }} size="sm">
                          {d.dataset?.name ?? 'dataset'} {d.version}
                        </AnchorLink>
                        <Text size="sm" span>
                          ({use})
                        </Text>
                        <PiiClasses classes={d.piiClasses} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              <Title order={4} size="h6">
                Feeds (automation versions using it)
              </Title>
              {v.usedByAutomationVersions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No automation version uses it.
                </Text>
              ) : (
                <List spacing="xs" size="sm" data-testid="feeds">
                  {v.usedByAutomationVersions.map((a) => (
                    <List.Item key={a.id}>
                      <Group gap={6}>
                        <AnchorLink to="/inventory/automations/$id" params={{ id: a.automationId }} search={{ version: a.id }} size="sm">
                          {a.automation?.name ?? 'automation'} {a.version}
                        </AnchorLink>
                        <StatusBadge status={a.status} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Paper>
          <LifecycleActions
            key={v.id}
            subject="ModelVersion"
            versionId={v.id}
            status={v.status}
            onMoved={() => refetch({ requestPolicy: 'network-only' })}
          />
          <LifecycleHistory transitions={v.transitions} approvals={v.approvals} />
        </Stack>
      )}
    </QueryState>
  );
}

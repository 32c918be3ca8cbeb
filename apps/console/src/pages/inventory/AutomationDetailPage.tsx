import 'mantine-datatable/styles.css';
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink';
import { ExploreLineageLink } from '../../components/ExploreLineageLink';
import { useCan } from '../../auth/principal';
import { useQuery } from 'urql';
import { Timestamp } from '../../components/Timestamp';
import { PrincipalName } from '../../components/PrincipalName';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { Facts } from './Facts';
import { LifecycleActions } from './LifecycleActions';
import { LifecycleHistory } from './LifecycleHistory';
import { MonitorsSection } from './MonitorsSection';
import { TechnicalDocumentationSection } from './TechnicalDocumentationSection';
import { words } from '../../components/status';
import { automationDetailRoute } from './routes';
import { StatusBadge } from './StatusBadge';
import { RecordWithVersions } from './RecordWithVersions';

const AutomationDocument = graphql(`
  query InventoryAutomation($id: ID!) {
    automation(id: $id) {
      id
      key
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
        riskClass
        environment
        createdAt
      }
    }
  }
`);

const AutomationVersionDocument = graphql(`
  query InventoryAutomationVersion($id: ID!) {
    automationVersion(id: $id) {
      id
      version
      status
      purpose
      domain
      riskClass
      oversightMode
      environment
      createdAt
      createdBy
      submittedBy
      approvedBy
      modelVersions {
        id
        version
        status
        modelId
        riskTier
        model {
          name
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

/** /inventory/automations/$id: an automation, its versions, and the selected version's purpose, risk, models and lifecycle. */
export function AutomationDetailPage() {
  const { id } = automationDetailRoute.useParams();
  const search = automationDetailRoute.useSearch();
  const [result] = useQuery({ query: AutomationDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ automation }) => (
        <RecordWithVersions
          title={`Automation ${automation.name}`}
          record={automation}
          lead={
            <>
              Key <code>{automation.key}</code>.{' '}
            </>
          }
          to="/inventory/automations/$id"
          versions={automation.versions}
          selectedVersion={search.version}
          noVersions="An automation owner registers versions through the API (registerAutomationVersion)."
          columns={[
            { accessor: 'status', title: 'Status', render: (v) => <StatusBadge status={v.status} /> },
            { accessor: 'riskClass', title: 'Risk class', render: (v) => words(v.riskClass) },
            { accessor: 'environment', title: 'Environment', render: (v) => words(v.environment) },
            { accessor: 'createdAt', title: 'Registered', render: (v) => <Timestamp value={v.createdAt} /> },
          ]}
          panel={(versionId) => <AutomationVersionPanel id={versionId} />}
        />
      )}
    </QueryState>
  );
}

function AutomationVersionPanel({ id }: { id: string }) {
  const can = useCan();
  const [result, refetch] = useQuery({ query: AutomationVersionDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {({ automationVersion: v }) => (
        <Stack gap="md" component="section" aria-labelledby="version-title">
          <Group gap="sm">
            <Title order={2} size="h4" id="version-title">
              Version {v.version}
            </Title>
            <StatusBadge status={v.status} />
            <ExploreLineageLink type="AUTOMATION_VERSION" id={v.id} />
          </Group>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                What it decides
              </Title>
              <Facts
                items={[
                  { label: 'Purpose', value: v.purpose },
                  { label: 'Domain', value: v.domain && words(v.domain) },
                  { label: 'EU AI Act risk class', value: words(v.riskClass) },
                  { label: 'Human oversight', value: words(v.oversightMode) },
                  { label: 'Environment', value: words(v.environment) },
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
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="lineage-title">
            <Stack gap="sm">
              <Title order={3} size="h5" id="lineage-title">
                Lineage
              </Title>
              <Title order={4} size="h6">
                Fed by (model versions it uses)
              </Title>
              {v.modelVersions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None: a rules-only automation.
                </Text>
              ) : (
                <List spacing="xs" size="sm" data-testid="fed-by">
                  {v.modelVersions.map((m) => (
                    <List.Item key={m.id}>
                      <Group gap={6}>
                        <AnchorLink to="/inventory/models/$id" params={{ id: m.modelId }} search={{ version: m.id }} size="sm">
                          {m.model?.name ?? 'model'} {m.version}
                        </AnchorLink>
                        <StatusBadge status={m.status} />
                        <Text size="sm" span>
                          {words(m.riskTier)} risk
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              <Text size="sm">Feeds: the decisions it records, each sealed in the ledger.</Text>
            </Stack>
          </Paper>
          {can('read', 'Monitor') && <MonitorsSection automationVersionId={v.id} />}
          {can('read', 'TechnicalDocumentation') && <TechnicalDocumentationSection automationVersionId={v.id} />}
          <LifecycleActions
            key={v.id}
            subject="AutomationVersion"
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

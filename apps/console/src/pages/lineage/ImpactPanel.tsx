import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { AnchorLink } from '../../components/AnchorLink';
import { QueryState } from '../../components/QueryState';
import { decisionStatusColor, StatusBadge, words } from '../../components/status';
import type { LineageNodeType } from '../../gql/graphql';
import { DatasetImpactDocument } from './lineage.queries';
import { NodePageLink } from './NodePageLink';

const count = new Intl.NumberFormat();

type Reached = { type: LineageNodeType; id: string; label?: string | null; depth: number };

/**
 * What a dataset version reaches (impactOf): the model and automation versions downstream, and their
 * decisions counted by status and month. The API counts from per-month tallies, so this stays quick
 * behind a million decisions (docs/lineage.md, "Impact").
 */
export function ImpactPanel({ datasetVersionId }: { datasetVersionId: string }) {
  const [result] = useQuery({ query: DatasetImpactDocument, variables: { id: datasetVersionId } });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="impact-title" data-testid="impact">
      <Title order={2} size="h4" id="impact-title" mb="sm">
        Impact of this dataset version
      </Title>
      <QueryState result={result} loadingLabel="Counting what this dataset version reaches…">
        {({ impactOf: impact }) => (
          <Stack gap="md">
            <Text size="sm">
              <Text span fw={700} size="lg" data-testid="impact-total">
                {count.format(impact.decisions.total)}
              </Text>{' '}
              {impact.decisions.total === 1 ? 'decision was' : 'decisions were'} made by {impact.modelVersions.length}{' '}
              {impact.modelVersions.length === 1 ? 'model version' : 'model versions'} that used it, through{' '}
              {impact.automationVersions.length} {impact.automationVersions.length === 1 ? 'automation version' : 'automation versions'}.
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="md">
              <ReachedList title="Model versions" nodes={impact.modelVersions} />
              <ReachedList title="Automation versions" nodes={impact.automationVersions} />
              <CountTable caption="Decisions by status" keyTitle="Status" rows={impact.decisions.byStatus} status />
              <CountTable caption="Decisions by month (UTC)" keyTitle="Month" rows={impact.decisions.byMonth} />
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function ReachedList({ title, nodes }: { title: string; nodes: Reached[] }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {nodes.length === 0 ? (
        <Text size="sm" c="dimmed">
          None reached.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {nodes.map((n) => (
            <List.Item key={n.id}>
              <Group gap={6} wrap="nowrap">
                <NodePageLink type={n.type} id={n.id}>
                  {n.label ?? n.id}
                </NodePageLink>
                <Text size="xs" c="dimmed">
                  {n.depth} {n.depth === 1 ? 'hop' : 'hops'}
                </Text>
                <AnchorLink
                  to="/lineage"
                  search={{ type: n.type, id: n.id }}
                  size="xs"
                  aria-label={`Explore the lineage of ${n.label ?? n.id}`}
                >
                  explore
                </AnchorLink>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function CountTable({
  caption,
  keyTitle,
  rows,
  status,
}: {
  caption: string;
  keyTitle: string;
  rows: { key: string; count: number }[];
  status?: boolean;
}) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {caption}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions.
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{keyTitle}</Table.Th>
              <Table.Th ta="right">Decisions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  {status ? <StatusBadge color={decisionStatusColor(r.key.toUpperCase())} label={words(r.key)} /> : r.key}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {count.format(r.count)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

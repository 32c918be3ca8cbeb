import { Group, SimpleGrid, Table, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { lifecycleColor, riskClassColor, StatusBadge, words } from '../../components/status';
import { OverviewCard } from './Panel';
import type { Inventory, Panel } from './use-overview';

export function InventoryPanel({ panel }: { panel: Panel<Inventory> }) {
  return (
    <OverviewCard title="Inventory" span={2} data-testid="inventory">
      <QueryState
        result={panel}
        isEmpty={(d) => d.models + d.automations + d.datasets === 0}
        empty={{ title: 'Nothing registered yet', hint: 'Models, datasets and automations appear here once registered.' }}
      >
        {(d) => (
          <>
            <Group gap="xl" mb="sm">
              <Text size="sm">
                <strong>{d.models}</strong> models, {d.modelVersions} versions
              </Text>
              <Text size="sm">
                <strong>{d.automations}</strong> automations, {d.automationVersions} versions
              </Text>
              <Text size="sm">
                <strong>{d.datasets}</strong> datasets, {d.datasetVersions} versions
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Table aria-label="Automation versions by EU AI Act risk class">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>EU AI Act risk class</Table.Th>
                    <Table.Th ta="right">Automation versions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.byRiskClass.map((row) => (
                    <Table.Tr key={row.riskClass}>
                      <Table.Td>
                        <StatusBadge color={riskClassColor(row.riskClass)} label={words(row.riskClass)} />
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {row.count}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Table aria-label="Versions by lifecycle status">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Lifecycle status</Table.Th>
                    <Table.Th ta="right">Model versions</Table.Th>
                    <Table.Th ta="right">Automation versions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.byStatus.map((row) => (
                    <Table.Tr key={row.status}>
                      <Table.Td>
                        <StatusBadge color={lifecycleColor(row.status)} label={words(row.status)} />
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {row.models}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {row.automations}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </OverviewCard>
  );
}

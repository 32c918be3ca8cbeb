import { Group, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { AnchorLink } from '../../components/AnchorLink';
import { byUrgency, crossedThreshold, formatMetricValue, metricWords, monitorStatus } from '../../components/monitors';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { DriftAlertsDocument } from './drift-alerts.queries';
import { OverviewCard } from './Panel';

/**
 * Monitors in ALERT, then in WARN (lesser, dimmed), each a line linking to its automation. Asked
 * again whenever the overview opens (cache and network): a monitor that recovered is gone on the next visit.
 */
export function DriftAlertsPanel() {
  const [result] = useQuery({ query: DriftAlertsDocument, requestPolicy: 'cache-and-network' });
  return (
    <OverviewCard title="Drift alerts" span={3} data-testid="drift-alerts">
      <QueryState result={result}>
        {({ monitors }) =>
          monitors.length === 0 ? (
            <Group gap="xs" data-testid="no-drift-alerts">
              <IconCircleCheck size={18} stroke={1.5} color="var(--mantine-color-teal-7)" aria-hidden />
              <Text size="sm">No drift alerts: every monitor is below its warning threshold or still waiting for data.</Text>
            </Group>
          ) : (
            <Table aria-label="Monitors at or above a threshold" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Automation</Table.Th>
                  <Table.Th>Metric</Table.Th>
                  <Table.Th ta="right">Value</Table.Th>
                  <Table.Th ta="right">Threshold</Table.Th>
                  <Table.Th>Since</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {byUrgency(monitors).map((m) => {
                  const threshold = crossedThreshold(m);
                  const lesser = m.state !== 'ALERT';
                  return (
                    <Table.Tr key={m.id} data-testid="drift-alert" c={lesser ? 'dimmed' : undefined}>
                      <Table.Td>
                        <StatusBadge {...monitorStatus(m.state)} />
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink
                          to="/inventory/automations/$id"
                          params={{ id: m.automationId }}
                          search={{ version: m.automationVersionId }}
                          size="sm"
                          fw={lesser ? 400 : 600}
                        >
                          {m.automation?.name ?? 'An automation you may not see'} {m.automationVersion?.version ?? ''}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{metricWords(m.metric)}</Text>
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {formatMetricValue(m.metric, m.value)}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {threshold.name} ≥ {formatMetricValue(m.metric, threshold.at)}
                      </Table.Td>
                      <Table.Td>
                        <Timestamp value={m.stateSince} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </OverviewCard>
  );
}

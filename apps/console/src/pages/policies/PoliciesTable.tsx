import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { StatusBadge, words } from '../../components/status';
import { effectColor } from './effects';

interface PolicyRow {
  id: string;
  version: number;
  description: string;
  appliesTo: string;
  severity: string;
  effect: string;
  frameworks: string[];
  message: string;
  conditionsText: string;
}

/** Every policy of the pack: what it asks for, how serious, under which frameworks, and when it matches, in words. */
export function PoliciesTable({ policies }: { policies: PolicyRow[] }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="policies-title">
      <Title order={2} size="h4" id="policies-title" mb="sm">
        Policies ({policies.length})
      </Title>
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="xs" striped data-testid="policies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Policy</Table.Th>
              <Table.Th>Applies to</Table.Th>
              <Table.Th>Effect</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Frameworks</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.map((p) => (
              <Table.Tr key={p.id} data-testid={`policy-${p.id}`}>
                <Table.Td maw={520}>
                  <Text size="sm" ff="monospace">
                    {p.id}{' '}
                    <Text span c="dimmed" size="xs">
                      v{p.version}
                    </Text>
                  </Text>
                  <Text size="sm">{p.description}</Text>
                  <Text size="sm" c="dimmed" data-testid="conditions-text">
                    Matches when {p.conditionsText}.
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.appliesTo}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge color={effectColor(p.effect)} label={words(p.effect)} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{words(p.severity)}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {p.frameworks.map((f) => (
                      <Text key={f} size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {f}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

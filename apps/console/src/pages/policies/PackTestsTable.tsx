import { Paper, Table, Text, Title } from '@mantine/core';
import { StatusBadge, words } from '../../components/status';

interface TestRow {
  name: string;
  source: string;
  appliesTo: string;
  expectedEffect: string;
  expectedMatched: string[];
  passed: boolean;
  actualEffect?: string | null;
  actualMatched?: string[] | null;
  error?: string | null;
}

const outcome = (effect: string, matched: string[]) => `${words(effect)}${matched.length ? ` (${matched.join(', ')})` : ''}`;

/** The pack's test cases, run by the API when the page was loaded: what each expects and what it got. */
export function PackTestsTable({ tests }: { tests: TestRow[] }) {
  const failed = tests.filter((t) => !t.passed).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pack-tests-title">
      <Title order={2} size="h4" id="pack-tests-title">
        Tests
      </Title>
      <Text size="sm" c="dimmed" mb="sm" data-testid="pack-tests-summary">
        {tests.length === 0
          ? 'The server has no tests for this pack.'
          : `${tests.length - failed} of ${tests.length} cases pass, run against the active policies just now.`}
      </Text>
      {tests.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={4} striped data-testid="pack-tests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Expects</Table.Th>
                <Table.Th>Got</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tests.map((t) => (
                <Table.Tr key={t.source}>
                  <Table.Td>
                    <Text size="sm">{t.name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t.source} · {t.appliesTo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{outcome(t.expectedEffect, t.expectedMatched)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.error ?? (t.actualEffect ? outcome(t.actualEffect, t.actualMatched ?? []) : '')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge color={t.passed ? 'teal' : 'red'} label={t.passed ? 'passed' : 'failed'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

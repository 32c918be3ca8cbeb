import { Code, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AccessMatrixQuery } from '../../gql/graphql';
import { roleWords } from './roles';

const AccessMatrixDocument = graphql(`
  query AccessMatrix {
    accessMatrix {
      roles
      operations {
        operation
        needs
        allowedRoles
      }
    }
  }
`);

type Row = AccessMatrixQuery['accessMatrix']['operations'][number];

/** Allowed as an icon and a word; refused as a dash read out as "no" (not told by colour alone). */
function Cell({ allowed }: { allowed: boolean }) {
  return allowed ? (
    <Group gap={4} wrap="nowrap" c="teal.9">
      <IconCheck size={14} aria-hidden />
      <Text size="sm">yes</Text>
    </Group>
  ) : (
    <Text size="sm" c="dimmed">
      <span aria-hidden>—</span>
      <VisuallyHidden>no</VisuallyHidden>
    </Text>
  );
}

/** /admin/access: role × operation from the policies the server loaded (policies/access/), one column per role. */
export function AccessMatrixPage() {
  const [result] = useQuery({ query: AccessMatrixDocument });
  const [filter, setFilter] = useState('');
  return (
    <QueryState result={result}>
      {({ accessMatrix }) => {
        const wanted = filter.trim().toLowerCase();
        const rows = accessMatrix.operations.filter(
          (r) => !wanted || r.operation.toLowerCase().includes(wanted) || r.needs.toLowerCase().includes(wanted),
        );
        const roleColumns: DataTableColumn<Row>[] = accessMatrix.roles.map((role) => ({
          accessor: role,
          title: roleWords(role),
          render: (r) => <Cell allowed={r.allowedRoles.includes(role)} />,
        }));
        return (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Whether a principal holding only that role may call each operation at all; the rows it may act on can still be narrower (its
              own models, its bound automations). Changed only by a reviewed change to policies/access/.
            </Text>
            <TextInput
              label="Filter operations"
              placeholder="apiKey, mutation, Decision"
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={300}
            />
            <DataTable
              aria-label="Access matrix"
              withTableBorder
              striped
              idAccessor="operation"
              // Wider than the page with seven role columns: the scrolling region takes the keyboard focus (axe).
              scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Access matrix, scrollable' } }}
              records={rows}
              noRecordsText="No operation matches the filter"
              columns={[
                { accessor: 'operation', title: 'Operation', render: (r) => <Code style={{ whiteSpace: 'nowrap' }}>{r.operation}</Code> },
                { accessor: 'needs', title: 'Needs', render: (r) => <Text size="sm">{r.needs}</Text> },
                ...roleColumns,
              ]}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}

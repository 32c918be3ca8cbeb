import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconUserPlus, IconX } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { AnchorLink } from '../../components/AnchorLink';
import { CopyableValue } from '../../components/CopyableValue';
import { CursorPager } from '../../components/CursorPager';
import { QueryState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { AdminPrincipalsQuery } from '../../gql/graphql';
import { BindRoleModal } from './BindRoleModal';
import { ConfirmModal } from './ConfirmModal';
import { CreatePrincipalModal } from './CreatePrincipalModal';
import { roleWords } from './roles';

const PAGE_SIZE = 50;

const AdminPrincipalsDocument = graphql(`
  query AdminPrincipals($first: Int!, $after: String, $filter: PrincipalFilter) {
    principals(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          name
          kind
          email
          createdAt
          disabledAt
          roles {
            id
            role
            automationId
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

const UnbindRoleDocument = graphql(`
  mutation UnbindRole($id: ID!) {
    unbindRole(id: $id) {
      id
      role
    }
  }
`);

type PrincipalRow = AdminPrincipalsQuery['principals']['edges'][number]['node'];
type Binding = PrincipalRow['roles'][number];

/** /admin/principals: people and services with their roles; admins create them, bind roles and unbind them (confirmed). */
export function PrincipalsPage() {
  const can = useCan();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const filter = debounced ? { search: debounced } : undefined;
  const pages = useCursorPages(debounced);
  const [result, refetch] = useQuery({ query: AdminPrincipalsDocument, variables: { first: PAGE_SIZE, after: pages.after, filter } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [creating, setCreating] = useState(false);
  const [bindingFor, setBindingFor] = useState<PrincipalRow | null>(null);
  const [unbinding, setUnbinding] = useState<{ principal: PrincipalRow; binding: Binding } | null>(null);
  const [unbindResult, unbind] = useMutation(UnbindRoleDocument);
  const [unbindError, setUnbindError] = useState<unknown>();

  const confirmUnbind = async () => {
    if (!unbinding) return;
    const outcome = await unbind({ id: unbinding.binding.id });
    if (outcome.error) return setUnbindError(outcome.error);
    setUnbinding(null);
    reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <TextInput label="Search by name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        {can('create', 'Principal') && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create principal
          </Button>
        )}
      </Group>
      <QueryState
        result={result}
        isEmpty={(data) => data.principals.edges.length === 0}
        empty={{ title: 'No principals', hint: debounced ? 'No name matches this search.' : undefined }}
      >
        {(data) => (
          <>
            <DataTable
              aria-label="Principals"
              withTableBorder
              verticalAlign="top"
              fetching={result.fetching}
              records={data.principals.edges.map((e) => e.node)}
              columns={[
                {
                  accessor: 'name',
                  title: 'Name',
                  render: (p) => (
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {p.name}
                      </Text>
                      {p.email && (
                        <Text size="xs" c="dimmed">
                          {p.email}
                        </Text>
                      )}
                      {p.disabledAt && (
                        <Text size="xs" c="red.8">
                          disabled
                        </Text>
                      )}
                    </Stack>
                  ),
                },
                { accessor: 'kind', title: 'Kind', render: (p) => <Text size="sm">{p.kind.toLowerCase()}</Text> },
                {
                  accessor: 'roles',
                  title: 'Roles',
                  render: (p) => (
                    <Group gap={4}>
                      {p.roles.length === 0 && (
                        <Text size="sm" c="dimmed">
                          no role
                        </Text>
                      )}
                      {p.roles.map((binding) => (
                        <Badge
                          key={binding.id}
                          variant="light"
                          title={binding.automationId ? `for automation ${binding.automationId}` : 'in the whole tenant'}
                          rightSection={
                            can('update', 'RoleBinding') && (
                              <ActionIcon
                                size="xs"
                                variant="transparent"
                                aria-label={`Unbind ${roleWords(binding.role)} from ${p.name}`}
                                onClick={() => {
                                  setUnbindError(undefined);
                                  setUnbinding({ principal: p, binding });
                                }}
                              >
                                <IconX size={12} aria-hidden />
                              </ActionIcon>
                            )
                          }
                        >
                          {roleWords(binding.role)}
                          {binding.automationId ? ' (one automation)' : ''}
                        </Badge>
                      ))}
                      {can('create', 'RoleBinding') && (
                        <Tooltip label={`Bind a role to ${p.name}`}>
                          <ActionIcon variant="subtle" size="sm" aria-label={`Bind a role to ${p.name}`} onClick={() => setBindingFor(p)}>
                            <IconPlus size={14} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  ),
                },
                { accessor: 'createdAt', title: 'Created', width: 190, render: (p) => <Timestamp value={p.createdAt} /> },
                { accessor: 'id', title: 'Id', render: (p) => <CopyableValue value={p.id} label={`id of ${p.name}`} maxChars={13} /> },
                ...(can('read', 'ApiKey')
                  ? [
                      {
                        accessor: 'keys',
                        title: 'API keys',
                        render: (p: PrincipalRow) => (
                          <AnchorLink to="/admin/api-keys" search={{ principalId: p.id }} size="sm">
                            Keys of {p.name}
                          </AnchorLink>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <CursorPager label="Principals" pages={pages} pageInfo={data.principals.pageInfo} />
          </>
        )}
      </QueryState>
      <CreatePrincipalModal opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <BindRoleModal principal={bindingFor} onClose={() => setBindingFor(null)} onBound={reload} />
      <ConfirmModal
        title="Unbind a role"
        confirmLabel="Unbind role"
        opened={unbinding !== null}
        busy={unbindResult.fetching}
        error={unbindError}
        onConfirm={() => void confirmUnbind()}
        onClose={() => setUnbinding(null)}
      >
        {unbinding &&
          `${unbinding.principal.name} loses the role ${roleWords(unbinding.binding.role)} at once: sessions and API keys of this principal stop being allowed what only that role allowed. The change is audited.`}
      </ConfirmModal>
    </Stack>
  );
}

import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/principal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/QueryState';
import { words } from '../../components/status';
import type { LineageNodeType } from '../../gql/graphql';
import { LineageExplorer } from './LineageExplorer';
import { lineageRoute } from './route';
import { DEFAULT_DEPTH, isUuid, NODE_TYPES } from './search';

/** /lineage?type=…&id=…: pick a node, then explore where it came from and what came of it. */
export function LineagePage() {
  const search = lineageRoute.useSearch();
  const can = useCan();
  return (
    <>
      <PageHeader
        title="Lineage explorer"
        description="Where a dataset, model, automation or decision came from and what came of it: every link with its kind and time."
      />
      {!can('read', 'Lineage') ? (
        <EmptyState title="Your roles do not include reading lineage">Admins, compliance officers and auditors may explore it.</EmptyState>
      ) : (
        <Stack gap="md">
          <NodePicker key={`${search.type}:${search.id}`} type={search.type} id={search.id} />
          {search.type && search.id ? (
            <LineageExplorer
              key={`${search.type}:${search.id}:${search.direction ?? 'BOTH'}:${search.depth ?? DEFAULT_DEPTH}`}
              start={{ type: search.type, id: search.id }}
              direction={search.direction ?? 'BOTH'}
              depth={search.depth ?? DEFAULT_DEPTH}
              expand={search.expand}
            />
          ) : (
            <EmptyState title="Pick a node to explore">
              Give a node&apos;s type and id, or follow &ldquo;Explore lineage&rdquo; from a decision or a model, dataset or automation
              version.
            </EmptyState>
          )}
        </Stack>
      )}
    </>
  );
}

const TYPE_OPTIONS = NODE_TYPES.map((value) => ({ value, label: words(value) }));

/** Any node by its type and id: what an OpenLineage job, run or external dataset is known by. */
function NodePicker({ type, id }: { type?: LineageNodeType; id?: string }) {
  const navigate = useNavigate();
  const [nodeType, setNodeType] = useState<string | null>(type ?? 'DECISION');
  const [nodeId, setNodeId] = useState(id ?? '');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInvalid(!isUuid(nodeId.trim()));
    if (!isUuid(nodeId.trim())) return;
    void navigate({
      to: '/lineage',
      search: (prev) => ({ ...prev, type: (nodeType ?? 'DECISION') as LineageNodeType, id: nodeId.trim(), expand: undefined }),
    });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={onSubmit} aria-label="Node to explore">
      <Group align="flex-end" gap="sm">
        <Select label="Node type" data={TYPE_OPTIONS} value={nodeType} onChange={setNodeType} allowDeselect={false} w={200} size="sm" />
        <TextInput
          label="Node id"
          placeholder="a uuid"
          value={nodeId}
          onChange={(e) => setNodeId(e.currentTarget.value)}
          error={invalid ? 'A node id is a uuid, like 0191e7a4-5b1c-7d2e-8f3a-4b5c6d7e8f90' : undefined}
          w={340}
          size="sm"
          ff="monospace"
        />
        <Button type="submit" size="sm">
          Explore
        </Button>
      </Group>
    </Paper>
  );
}

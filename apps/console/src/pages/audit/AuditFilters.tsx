import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { SUBJECT_TYPES, type AuditSearch } from './search';

const AuditActorsDocument = graphql(`
  query AuditActors {
    principals(first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** DateTimePicker speaks local "YYYY-MM-DD HH:mm:ss"; the URL and the API speak ISO 8601 UTC. */
const toPicker = (iso: string | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : null);
const fromPicker = (value: string | null) => (value ? dayjs(value).toISOString() : undefined);

/** The audit trail's filters as a form: applied together (to the URL) with "Apply filters". */
export function AuditFilters({ value, onApply }: { value: AuditSearch; onApply: (filter: AuditSearch) => void }) {
  const [draft, setDraft] = useState<AuditSearch>(value);
  const [actors] = useQuery({ query: AuditActorsDocument });
  const set = (change: Partial<AuditSearch>) => setDraft((d) => ({ ...d, ...change }));
  const text = (v: string) => v.trim() || undefined;
  const actorOptions = (actors.data?.principals.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name} (${node.kind.toLowerCase()})`,
  }));
  // A filtered actor outside the first page of principals stays selectable, shown by id.
  if (draft.actorId && !actorOptions.some((o) => o.value === draft.actorId))
    actorOptions.push({ value: draft.actorId, label: draft.actorId });

  return (
    <form
      aria-label="Audit trail filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label="Actor"
          placeholder={actors.error ? 'Principals could not be listed' : 'Anyone'}
          searchable
          clearable
          data={actorOptions}
          value={draft.actorId ?? null}
          onChange={(v) => set({ actorId: v ?? undefined })}
          w={220}
        />
        <TextInput
          label="Action"
          description="Exact, or a prefix ending in a dot"
          placeholder="model_version."
          value={draft.action ?? ''}
          onChange={(e) => set({ action: text(e.currentTarget.value) })}
          w={200}
        />
        <Autocomplete
          label="Subject type"
          data={SUBJECT_TYPES}
          value={draft.subjectType ?? ''}
          onChange={(v) => set({ subjectType: text(v) })}
          w={180}
        />
        <TextInput
          label="Subject id"
          value={draft.subjectId ?? ''}
          onChange={(e) => set({ subjectId: text(e.currentTarget.value) })}
          w={300}
        />
        <TextInput
          label="Correlation id"
          value={draft.correlationId ?? ''}
          onChange={(e) => set({ correlationId: text(e.currentTarget.value) })}
          w={200}
        />
        <DateTimePicker
          label="From"
          clearable
          withSeconds
          value={toPicker(draft.from)}
          onChange={(v) => set({ from: fromPicker(v) })}
          w={200}
        />
        <DateTimePicker
          label="Until (before)"
          clearable
          withSeconds
          value={toPicker(draft.to)}
          onChange={(v) => set({ to: fromPicker(v) })}
          w={200}
        />
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}

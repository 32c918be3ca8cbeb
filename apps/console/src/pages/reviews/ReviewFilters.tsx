import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { AutomationChoicesDocument } from '../decisions/DecisionFilters';
import { ReviewerChoicesDocument } from './review-queue.queries';
import type { ReviewSearch } from './search';

type Filters = Omit<ReviewSearch, 'item'>;

const OVERDUE_CHOICES = [
  { value: 'true', label: 'Overdue' },
  { value: 'false', label: 'Not yet due' },
];

/** The queue's filters (automation, the policy that asked for review, holder incl. "mine", overdue), applied together into the URL. */
export function ReviewFilters({ search, onApply }: { search: Filters; onApply: (filters: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(search);
  useEffect(() => setDraft(search), [search]);
  const [automations] = useQuery({ query: AutomationChoicesDocument });
  const [reviewers] = useQuery({ query: ReviewerChoicesDocument });
  const set = <K extends keyof Filters>(field: K, value: Filters[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const holders = [
    { value: 'mine', label: 'Mine' },
    ...[...(reviewers.data?.officers.edges ?? []), ...(reviewers.data?.admins.edges ?? [])]
      .map((e) => e.node)
      .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
      .map((p) => ({ value: p.id, label: p.name })),
  ];
  // A holder from a shared link that is not in the list still shows (as its id) rather than vanishing.
  if (draft.holder && !holders.some((h) => h.value === draft.holder)) holders.push({ value: draft.holder, label: draft.holder });

  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={submit} aria-label="Filter the review queue">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label="Automation"
          placeholder={automations.error ? 'Automations could not be listed' : 'Any'}
          data={(automations.data?.automations.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} (${node.key})` }))}
          value={draft.automationId ?? null}
          onChange={(v) => set('automationId', v ?? undefined)}
          searchable
          clearable
        />
        <TextInput
          label="Policy that asked for review"
          placeholder="e.g. high-risk-low-confidence-review"
          value={draft.policyId ?? ''}
          onChange={(e) => set('policyId', e.currentTarget.value.trim() || undefined)}
        />
        <Select
          label="Held by"
          placeholder="Anyone or nobody"
          data={holders}
          value={draft.holder ?? null}
          onChange={(v) => set('holder', v ?? undefined)}
          searchable
          clearable
        />
        <Select
          label="Due"
          placeholder="Any"
          data={OVERDUE_CHOICES}
          value={draft.overdue === undefined ? null : String(draft.overdue)}
          onChange={(v) => set('overdue', v === null ? undefined : v === 'true')}
          clearable
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="default" onClick={() => onApply({})}>
          Clear filters
        </Button>
        <Button type="submit">Apply filters</Button>
      </Group>
    </Paper>
  );
}

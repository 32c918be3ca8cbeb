import { Button, Group, NumberInput, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { DECISION_STATUSES, POLICY_EFFECTS, withoutUndefined, type DecisionSearch } from './decision-search';
import { words } from '../../components/status';

export const AutomationChoicesDocument = graphql(`
  query AutomationChoices {
    automations(first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
  }
`);

type Draft = Omit<DecisionSearch, 'after'>;

/** The pickers show UTC wall time (the page says every time in UTC); the URL holds ISO instants. */
const toPicker = (iso?: string) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : null);
const fromPicker = (value: string | null) => (value ? `${value.replace(' ', 'T')}${value.length === 16 ? ':00' : ''}.000Z` : undefined);

/**
 * The filters as a form: applied together on submit (one query, one URL), never per keystroke.
 * Values are checked by the API; its refusal shows above the table.
 */
export function DecisionFilters({ search, onApply }: { search: DecisionSearch; onApply: (filters: Draft) => void }) {
  const [draft, setDraft] = useState<Draft>(search);
  useEffect(() => setDraft(search), [search]);
  const [automations] = useQuery({ query: AutomationChoicesDocument });
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const text = (field: 'modelVersionId' | 'policyId' | 'correlationId') => ({
    value: draft[field] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value.trim() || undefined),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(withoutUndefined(draft));
  };
  const automationOptions = (automations.data?.automations.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name} (${node.key})`,
  }));

  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={submit} aria-label="Filter decisions">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label="Automation"
          placeholder={automations.error ? 'Automations could not be listed' : 'Any'}
          data={automationOptions}
          value={draft.automationId ?? null}
          onChange={(v) => set('automationId', v ?? undefined)}
          searchable
          clearable
        />
        <TextInput label="Model version id" placeholder="UUID" {...text('modelVersionId')} />
        <Select
          label="Status"
          placeholder="Any"
          data={DECISION_STATUSES.map((s) => ({ value: s, label: words(s) }))}
          value={draft.status ?? null}
          onChange={(v) => set('status', v ?? undefined)}
          clearable
        />
        <TextInput label="Correlation id" placeholder="e.g. CLM-1004" {...text('correlationId')} />
        <TextInput label="Policy id" placeholder="e.g. high-risk-low-confidence-review" {...text('policyId')} />
        <Select
          label="Policy effect"
          placeholder="Any"
          data={POLICY_EFFECTS.map((e) => ({ value: e, label: words(e) }))}
          value={draft.policyEffect ?? null}
          onChange={(v) => set('policyEffect', v ?? undefined)}
          clearable
        />
        <DateTimePicker
          label="Decided from (UTC)"
          withSeconds
          clearable
          value={toPicker(draft.from)}
          onChange={(v) => set('from', fromPicker(v))}
        />
        <DateTimePicker
          label="Decided before (UTC)"
          withSeconds
          clearable
          value={toPicker(draft.to)}
          onChange={(v) => set('to', fromPicker(v))}
        />
        <NumberInput
          label="Confidence at least"
          placeholder="0"
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={draft.minConfidence ?? ''}
          onChange={(v) => set('minConfidence', typeof v === 'number' ? v : undefined)}
        />
        <NumberInput
          label="Confidence at most"
          placeholder="1"
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={draft.maxConfidence ?? ''}
          onChange={(v) => set('maxConfidence', typeof v === 'number' ? v : undefined)}
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

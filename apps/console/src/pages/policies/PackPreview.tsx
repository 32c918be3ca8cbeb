import { Code, List, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../../components/status';
import { changeColor } from './effects';

interface Change {
  id: string;
  change: string;
  fields: { field: string; before?: unknown; after?: unknown }[];
  conditions: { path: string; change: string; before?: string | null; after?: string | null }[];
  conditionsBefore?: string | null;
  conditionsAfter?: string | null;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** What activating a pack changes, policy by policy: the structural diff `attest policy diff` prints. */
export function PackPreview({ policies }: { policies: Change[] }) {
  if (policies.length === 0) return <Text size="sm">No policy changes: the two packs have the same policies.</Text>;
  return (
    <Stack gap="sm" data-testid="pack-preview">
      {policies.map((p) => (
        <Stack key={p.id} gap={2} data-testid={`preview-${p.id}`}>
          <Text size="sm">
            <StatusBadge color={changeColor(p.change)} label={p.change} /> <Code>{p.id}</Code>
          </Text>
          {p.change === 'added' && <Text size="sm">Matches when {p.conditionsAfter}.</Text>}
          {p.change === 'removed' && <Text size="sm">No longer applies (matched when {p.conditionsBefore}).</Text>}
          {p.change === 'changed' && (
            <List size="sm" spacing={2}>
              {p.fields.map((f) => (
                <List.Item key={f.field}>
                  {f.field}: {show(f.before)} → {show(f.after)}
                </List.Item>
              ))}
              {p.conditions.length > 0 && (
                <List.Item>
                  conditions: from “{p.conditionsBefore}” to “{p.conditionsAfter}”
                  <List size="sm" withPadding>
                    {p.conditions.map((c) => (
                      <List.Item key={`${c.path}-${c.change}`}>
                        <Code>{c.path}</Code> {c.change}: {c.before ?? '—'} → {c.after ?? '—'}
                      </List.Item>
                    ))}
                  </List>
                </List.Item>
              )}
            </List>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

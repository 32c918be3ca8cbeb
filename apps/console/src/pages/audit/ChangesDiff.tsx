import { Code, Stack, Text } from '@mantine/core';
import { fieldChanges, showValue } from './diff';

/** An audit event's changes, field by field: before (struck through) → after (bold); not told by colour alone (WCAG 1.4.1). */
export function ChangesDiff({ event }: { event: { changes: unknown; before?: unknown; after?: unknown } }) {
  const changes = fieldChanges(event);
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No field changed
      </Text>
    );
  return (
    <Stack gap={2} data-testid="changes">
      {changes.map((c) => (
        <Text key={c.field} size="xs" style={{ overflowWrap: 'anywhere' }} data-field={c.field}>
          <Code>{c.field}</Code>{' '}
          <Text span size="xs" c="dimmed" td={c.from === undefined || c.from === null ? undefined : 'line-through'}>
            {showValue(c.from)}
          </Text>
          {' → '}
          <Text span size="xs" c="bright" fw={600}>
            {showValue(c.to)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

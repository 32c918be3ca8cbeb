import { Group, Kbd, Paper, Text } from '@mantine/core';

const KEYS: [string[], string][] = [
  [['j', '↓'], 'next item'],
  [['k', '↑'], 'previous item'],
  [['a'], 'approve'],
  [['o'], 'override'],
  [['r'], 'reject'],
  [['Ctrl', 'Enter'], 'send the verdict'],
  [['Esc'], 'close the item'],
];

/** The page's keys, on the page: they act outside text fields (typing in a field is never taken). */
export function KeyboardHint() {
  return (
    <Paper withBorder p="xs" mb="md" component="section" aria-label="Keyboard" data-testid="keyboard-hint">
      <Group gap="md">
        <Text size="sm" fw={500}>
          Keyboard
        </Text>
        {KEYS.map(([keys, what]) => (
          <Group key={what} gap={4} wrap="nowrap">
            {keys.map((k, i) => (
              <span key={k}>
                {i > 0 && (
                  <Text span size="xs" c="dimmed" mr={4}>
                    {keys[0] === 'Ctrl' ? '+' : 'or'}
                  </Text>
                )}
                <Kbd size="xs">{k}</Kbd>
              </span>
            ))}
            <Text span size="sm" c="dimmed">
              {what}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}

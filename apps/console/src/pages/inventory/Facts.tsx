import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { CopyableValue } from '../../components/CopyableValue';
import type { ReactNode } from 'react';

/** Labelled facts of a record in a grid; a missing value is said, never left blank. */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
      {items.map((item) => (
        <Stack key={item.label} gap={0}>
          <Text component="dt" size="xs" c="dimmed" fw={500}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.value ?? 'not stated'}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** A digest or URI in full (CopyableValue, not shortened): compared by eye or pasted, never retyped. */
export function Digest({ value, label }: { value: string; label: string }) {
  return (
    <Box data-testid="digest" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      <CopyableValue value={value} label={label} maxChars={Number.POSITIVE_INFINITY} />
    </Box>
  );
}

import { Badge, Group } from '@mantine/core';
import { SENSITIVE_PII } from './pii';
import { words } from './lifecycle';

/** A dataset version's declared PII classes; the sensitive ones stand out. */
export function PiiClasses({ classes }: { classes: string[] }) {
  return (
    <Group gap={4} data-testid="pii-classes">
      {classes.map((c) => (
        <Badge key={c} variant="light" color={SENSITIVE_PII.has(c) ? 'red' : c === 'none' ? 'gray' : 'blue'}>
          {words(c)}
        </Badge>
      ))}
    </Group>
  );
}

import { Badge, Group } from '@mantine/core';
import { SENSITIVE_PII } from './pii';
import { words } from '../../components/status';

const colourOf = (pii: string) => (SENSITIVE_PII.has(pii) ? 'red' : pii === 'none' ? 'gray' : 'blue');

/** A dataset version's declared PII classes; the sensitive ones stand out. */
export function PiiClasses({ classes }: { classes: string[] }) {
  return (
    <Group gap={4} data-testid="pii-classes">
      {classes.map((c) => (
        <Badge key={c} variant="light" color={colourOf(c)} c="bright">
          {words(c)}
        </Badge>
      ))}
    </Group>
  );
}

import { Group } from '@mantine/core';
import { StatusBadge, words } from '../../components/status';
import { SENSITIVE_PII } from './pii';

const colourOf = (pii: string) => (SENSITIVE_PII.has(pii) ? 'red' : pii === 'none' ? 'gray.6' : 'indigo');

/** A dataset version's declared PII classes; the sensitive ones (health, biometric, …) carry a red dot. */
export function PiiClasses({ classes }: { classes: string[] }) {
  return (
    <Group gap={4} data-testid="pii-classes">
      {classes.map((c) => (
        <StatusBadge key={c} color={colourOf(c)} label={words(c)} />
      ))}
    </Group>
  );
}

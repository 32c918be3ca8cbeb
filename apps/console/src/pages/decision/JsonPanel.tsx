import { CodeBlock } from '../../components/CodeBlock';
import { Alert, Paper, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** A stored JSON value as it is (redacted), or the statement that the caller's role may not read it. */
export function JsonPanel({ title, value, withheld }: { title: string; value: unknown; withheld: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {withheld ? <Withheld what={title.toLowerCase()} /> : <CodeBlock label={title}>{JSON.stringify(value, null, 2)}</CodeBlock>}
    </Paper>
  );
}

export function Withheld({ what }: { what: string }) {
  return (
    <Alert variant="light" color="gray" icon={<IconLock size={16} aria-hidden />} title="Withheld" data-testid="withheld">
      <Text size="sm">Your role may not read the {what} of decisions: the API withheld it.</Text>
    </Alert>
  );
}

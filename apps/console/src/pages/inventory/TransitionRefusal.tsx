import { Alert, Code, List, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import type { CombinedError } from 'urql';
import { deniedPolicies, describeError } from '../../api/errors';

/** Why a lifecycle move was refused, in the API's words and code, shown where the move was asked for. */
export function TransitionRefusal({ error }: { error: CombinedError }) {
  const problem = describeError(error);
  const policies = deniedPolicies(error);
  const title =
    problem.code === 'POLICY_DENIED'
      ? 'A policy refused this move'
      : problem.message.startsWith('Separation of duties')
        ? 'Separation of duties'
        : 'The move was refused';
  return (
    <Alert color="red" variant="light" title={title} icon={<IconBan aria-hidden />} role="alert" data-testid="transition-refusal">
      <Text size="sm">{problem.message}</Text>
      {policies.length > 0 && (
        <List size="sm" mt={4}>
          {policies.map((p) => (
            <List.Item key={p.id}>
              <Code>{p.id}</Code>
              {p.version !== undefined && ` v${p.version}`}
              {p.frameworks?.length ? ` (${p.frameworks.join(', ')})` : ''}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        Code <Code>{problem.code}</Code>
      </Text>
    </Alert>
  );
}

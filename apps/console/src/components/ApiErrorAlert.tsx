import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { describeError, type ApiProblem } from '../api/errors';

/**
 * Any failure as the API stated it: its message and its stable code (never a blank page). Takes a
 * urql CombinedError, an Error, or a problem already described.
 */
export function ApiErrorAlert({ error, title = 'The request failed' }: { error: unknown; title?: string }) {
  const problem: ApiProblem = isProblem(error) ? error : describeError(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="api-error">
      <Text size="sm">{problem.message}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        Code <Code>{problem.code}</Code>
      </Text>
    </Alert>
  );
}

function isProblem(value: unknown): value is ApiProblem {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !(value instanceof Error);
}

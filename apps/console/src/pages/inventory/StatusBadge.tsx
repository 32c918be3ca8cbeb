import { Badge } from '@mantine/core';
import type { LifecycleStatus } from '../../gql/graphql';
import { statusColour, words } from './lifecycle';

export function StatusBadge({ status }: { status: LifecycleStatus }) {
  return (
    <Badge color={statusColour(status)} variant="light" data-testid="lifecycle-status">
      {words(status)}
    </Badge>
  );
}

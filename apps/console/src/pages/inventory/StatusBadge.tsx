import { Badge } from '@mantine/core';
import type { LifecycleStatus } from '../../gql/graphql';
import { statusColour, words } from './lifecycle';

/** A lifecycle status in words; the text in the page's own colour on a light tint keeps 4.5:1 contrast (WCAG 1.4.3). */
export function StatusBadge({ status }: { status: LifecycleStatus }) {
  return (
    <Badge color={statusColour(status)} c="bright" variant="light" data-testid="lifecycle-status">
      {words(status)}
    </Badge>
  );
}

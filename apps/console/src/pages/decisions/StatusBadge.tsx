import { Badge } from '@mantine/core';
import type { DecisionOutcome, DecisionStatus, PolicyEffect } from '../../gql/graphql';
import { EFFECT_COLOUR, STATUS_COLOUR, words } from './format';

export function StatusBadge({ status }: { status: DecisionStatus | DecisionOutcome }) {
  return (
    <Badge color={STATUS_COLOUR[status]} variant="light" radius="sm">
      {words(status)}
    </Badge>
  );
}

export function EffectBadge({ effect }: { effect: PolicyEffect }) {
  return (
    <Badge color={EFFECT_COLOUR[effect]} variant="light" radius="sm">
      {words(effect)}
    </Badge>
  );
}

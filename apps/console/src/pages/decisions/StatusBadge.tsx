import { Badge } from '@mantine/core';

// The dot variant: the colour on the dot, the words in the text colour (contrast holds in both themes).
import type { DecisionOutcome, DecisionStatus, PolicyEffect } from '../../gql/graphql';
import { EFFECT_COLOUR, STATUS_COLOUR, words } from './format';

export function StatusBadge({ status }: { status: DecisionStatus | DecisionOutcome }) {
  return (
    <Badge color={STATUS_COLOUR[status]} variant="dot" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
      {words(status)}
    </Badge>
  );
}

export function EffectBadge({ effect }: { effect: PolicyEffect }) {
  return (
    <Badge color={EFFECT_COLOUR[effect]} variant="dot" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
      {words(effect)}
    </Badge>
  );
}

import { decisionStatusColor, StatusBadge as Badge, words } from '../../components/status';
import type { DecisionOutcome, DecisionStatus, PolicyEffect } from '../../gql/graphql';

/** A decision's status or outcome (the outcomes a review gives have colours of their own). */
const OUTCOME_COLOUR: Partial<Record<DecisionOutcome, string>> = { APPROVED: 'teal', OVERRIDDEN: 'grape', REJECTED: 'red' };

const EFFECT_COLOUR: Record<PolicyEffect, string> = { ALLOW: 'teal', ANNOTATE: 'blue', REQUIRE_REVIEW: 'yellow', DENY: 'red' };

export function StatusBadge({ status }: { status: DecisionStatus | DecisionOutcome }) {
  return <Badge color={OUTCOME_COLOUR[status] ?? decisionStatusColor(status)} label={words(status)} />;
}

export function EffectBadge({ effect }: { effect: PolicyEffect }) {
  return <Badge color={EFFECT_COLOUR[effect]} label={words(effect)} />;
}

import type { DecisionOutcome, DecisionStatus, PolicyEffect } from '../../gql/graphql';

/** Every time in UTC, with its zone said: `2026-12-01 08:48:10 UTC`. */
export function utc(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** An enum value in words: PENDING_REVIEW → pending review. */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

/** Status is colour and text: never colour alone. */
export const STATUS_COLOUR: Record<DecisionStatus | DecisionOutcome, string> = {
  RECORDED: 'teal',
  APPROVED: 'teal',
  PENDING_REVIEW: 'yellow',
  OVERRIDDEN: 'grape',
  REJECTED: 'red',
  BLOCKED: 'red',
};

export const EFFECT_COLOUR: Record<PolicyEffect, string> = {
  ALLOW: 'teal',
  ANNOTATE: 'blue',
  REQUIRE_REVIEW: 'yellow',
  DENY: 'red',
};

export function confidenceText(confidence: number | null | undefined): string {
  return confidence === null || confidence === undefined ? '—' : confidence.toFixed(2);
}

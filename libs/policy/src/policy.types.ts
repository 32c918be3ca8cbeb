import { POLICY_EFFECTS, POLICY_SEVERITIES, type PolicyEffectValue, type PolicySeverityValue } from '@attest/core';

/** What a policy judges; each pack is evaluated per subject with the facts of that subject. */
export const APPLIES_TO = ['decision', 'model.transition', 'automation.transition', 'automation.register', 'dataset.register'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** Defined once in core's policy seam (least serious first). */
export const SEVERITIES: readonly PolicySeverityValue[] = POLICY_SEVERITIES;
export type Severity = PolicySeverityValue;

/** Defined once in core's policy seam (strongest first), shared with the contexts it judges. */
export const EFFECTS: readonly PolicyEffectValue[] = POLICY_EFFECTS;
export type Effect = PolicyEffectValue;

/** json-rules-engine's built-in operators; decorators (`someFact:…`) are deliberately not allowed. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export type OperatorName = (typeof OPERATORS)[number];

export interface FactReference {
  fact: string;
  path?: string;
}

export interface FactCondition {
  fact: string;
  operator: OperatorName;
  value: unknown;
  path?: string;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface Policy {
  id: string;
  version: number;
  description: string;
  appliesTo: AppliesTo;
  severity: Severity;
  frameworks: string[];
  conditions: TopLevelCondition;
  effect: Effect;
  message: string;
}

export interface PolicyPack {
  name: string;
  /** Sorted by id. */
  policies: Policy[];
  /** SHA-256 (hex) of the canonical policies; see pack-digest.ts. */
  digest: string;
  /** Policy id → `file:line` where it is written, for messages only (not part of the digest). */
  sources: Record<string, string>;
}

export interface MatchedPolicy {
  id: string;
  version: number;
  effect: Effect;
  severity: Severity;
  message: string;
  frameworks: string[];
}

export interface PolicyOutcome {
  effect: Effect;
  matched: MatchedPolicy[];
}

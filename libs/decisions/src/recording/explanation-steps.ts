import { AttestError } from '@attest/core';
import type { ExplanationStepInput } from '../dto/explanation-step.input';

export const STEP_KINDS = ['feature_attribution', 'rule_fired', 'retrieval', 'llm_call', 'tool_call', 'note'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Input field → stored kind. */
const KIND_OF_FIELD: Record<keyof ExplanationStepInput, StepKind> = {
  featureAttribution: 'feature_attribution',
  ruleFired: 'rule_fired',
  retrieval: 'retrieval',
  llmCall: 'llm_call',
  toolCall: 'tool_call',
  note: 'note',
};

/** A step as stored: its kind and its fields (redacted with the rest of the decision). */
export interface StepRecord {
  kind: StepKind;
  detail: Record<string, unknown>;
}

/** The trace as stored, in order; a step must set exactly one kind. */
export function stepRecords(steps: readonly ExplanationStepInput[] = []): StepRecord[] {
  return steps.map((step, i) => {
    const set = (Object.keys(KIND_OF_FIELD) as (keyof ExplanationStepInput)[]).filter((field) => step[field] != null);
    if (set.length !== 1) {
      throw AttestError.validation(
        `explanation[${i}]: set exactly one of ${Object.keys(KIND_OF_FIELD).join(', ')} (got ${set.length === 0 ? 'none' : set.join(', ')})`,
        { field: `explanation[${i}]` },
      );
    }
    // Drop absent optional fields, so that stored details (and their hashes) do not depend on how a client spells "absent".
    const detail = Object.fromEntries(Object.entries(step[set[0]]!).filter(([, value]) => value !== undefined && value !== null));
    return { kind: KIND_OF_FIELD[set[0]], detail };
  });
}

import { detachFreeFormJson, freeFormInputProblems, refusalOf, type AttestError, type InputProblem } from '@attest/core';
import { RecordDecisionInput } from '../dto/record-decision.input';

// GraphQL reserves names that start with "__", so no field of a submitted item is called this.
const REFUSED = '__refusedAtSubmission';

interface RefusedItem {
  [REFUSED]: InputProblem[];
  idempotencyKey?: string;
}

/**
 * What an ingest stages for an item: the item, or, when its JSON cannot be stored as sent (too
 * deep even to be staged as JSON text, a NUL character, a `__proto__` key), the reasons in its
 * place (never its values), for the worker to make it a dead letter with the others' outcomes.
 */
export function stagedItemOf(item: unknown, maxJsonDepth: number): unknown {
  if (item === null || typeof item !== 'object') return item;
  const problems = freeFormInputProblems(detachFreeFormJson(item, RecordDecisionInput), maxJsonDepth);
  if (problems.length === 0) return item;
  const { idempotencyKey } = item as { idempotencyKey?: unknown };
  return { [REFUSED]: problems, ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}) } satisfies RefusedItem;
}

/** The refusal staged for an item, if it was refused at submission. */
export function refusalStagedFor(item: unknown): AttestError | undefined {
  const problems = (item as Partial<RefusedItem> | null)?.[REFUSED];
  return Array.isArray(problems) && problems.length > 0 ? refusalOf(problems) : undefined;
}

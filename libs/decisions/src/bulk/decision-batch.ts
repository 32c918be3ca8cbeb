import { AttestError } from '@attest/core';

/** Decisions per recordDecisions call (one transaction, answered at once). */
export const MAX_SYNC_BATCH = 1_000;
/** Decisions per ingestDecisions call (staged, recorded by the workers in chunks). */
export const MAX_INGEST_BATCH = 10_000;

export interface DecisionBatch {
  decisions: unknown[];
}

export function assertBatchSize(batch: DecisionBatch, max: number): void {
  const n = batch.decisions.length;
  if (n < 1 || n > max) throw AttestError.validation(`decisions: give 1 to ${max} decisions (got ${n})`, { field: 'decisions' });
}

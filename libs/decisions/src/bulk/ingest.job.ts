import { defineJob } from '@attest/jobs';

/** Items per chunk: one transaction, one multi-row statement. */
export const INGEST_CHUNK_SIZE = 500;
/** The key that seals staged items (derived from the server secret, as the hash keys are). */
export const INGEST_SEALING_KEY = 'ingest-payloads';

export interface IngestChunkJob {
  tenantId: string;
  jobId: string;
  chunk: number;
}

/** The queue whose jobs record one chunk of an ingest each. */
export const INGEST_CHUNK_JOB = defineJob<IngestChunkJob>('decisions.ingest');

/** A chunk whose every try failed this many enqueues in a row (the recovery sweep re-enqueues) is given up. */
export const MAX_CHUNK_ENQUEUES = 4;

/** Binds a sealed chunk to its place: it opens nowhere else. */
export const chunkContext = (jobId: string, chunk: number) => `${jobId}.${chunk}`;
/** Each (re)enqueue of a chunk is a new queue job; a chunk already done makes the others no-ops. */
export const ingestJobIdOf = (c: { jobId: string; chunk: number; enqueues: number }) => `ingest.${c.jobId}.${c.chunk}.${c.enqueues}`;

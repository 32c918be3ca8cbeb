import { defineJob } from '@attest/jobs';

export interface LedgerVerificationJob {
  tenantId: string;
  verificationId: string;
}

export const LEDGER_VERIFICATION_JOB = defineJob<LedgerVerificationJob>('ledger.verification');

/** Each (re)enqueue of a verification is a new queue job; the job of a finished verification does nothing. */
export const verificationJobId = (row: { id: string; enqueues: number }) => `ledger-verification.${row.id}.${row.enqueues}`;

/** Three attempts, two seconds apart and doubling: a slice that timed out or lost its connection is retried from the last stored one. */
export const VERIFICATION_JOB_OPTIONS = { attempts: 3, backoffMs: 2000 };

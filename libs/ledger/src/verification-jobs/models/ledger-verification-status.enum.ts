import { registerEnumType } from '@nestjs/graphql';

export enum LedgerVerificationStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(LedgerVerificationStatus, {
  name: 'LedgerVerificationStatus',
  description: 'Where a ledger verification job is, and what it found',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker' },
    RUNNING: { description: 'Verifying, a slice at a time; see progress' },
    SUCCEEDED: { description: 'The whole range matched' },
    FAILED: { description: 'A divergence was found (result.firstDivergence), or the job could not finish (error)' },
  },
});

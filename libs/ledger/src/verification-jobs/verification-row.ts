import type { LedgerVerificationModel } from '../api/models/ledger-verification.model';
import type { VerificationProgress } from '../verify/range-verification';
import type { LedgerVerificationJobModel } from './models/ledger-verification-job.model';
import { LedgerVerificationStatus } from './models/ledger-verification-status.enum';

/** A row of ledger_verifications as the queries read it (bigint columns come back as text). */
export interface VerificationRow {
  id: string;
  tenant_id: string;
  requested_by: string;
  status: LedgerVerificationStatus;
  from_index: string;
  to_index: string;
  checkpoints: string[];
  leaves_checked: string;
  checkpoints_checked: number;
  resume: Pick<VerificationProgress, 'lastMatched' | 'frontier'> | null;
  result: LedgerVerificationModel | null;
  error: string | null;
  enqueues: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function toJobModel(row: VerificationRow): LedgerVerificationJobModel {
  const fromIndex = Number(row.from_index);
  const toIndex = Number(row.to_index);
  const leavesChecked = Number(row.leaves_checked);
  return {
    id: row.id,
    status: row.status,
    fromIndex,
    toIndex,
    leavesChecked,
    checkpointsChecked: row.checkpoints_checked,
    progress: row.status === LedgerVerificationStatus.SUCCEEDED ? 1 : leavesChecked / (toIndex - fromIndex + 1),
    result: row.result,
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Where the job stopped, for RangeVerification.resume; null before its first slice. */
export function progressOf(row: VerificationRow): VerificationProgress | null {
  if (!row.resume) return null;
  return { leavesChecked: Number(row.leaves_checked), checkpointsChecked: row.checkpoints_checked, ...row.resume };
}

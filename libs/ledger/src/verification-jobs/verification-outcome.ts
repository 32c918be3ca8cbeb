import { recordAudit, type RequestActor } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { LedgerVerificationModel } from '../api/models/ledger-verification.model';

/** Who a job acts for: the principal who asked, under a correlation id that names the verification. */
export const jobActor = (tenantId: string, row: { id: string; requested_by: string }): RequestActor => ({
  tenantId,
  principalId: row.requested_by,
  correlationId: `ledger-verification-${row.id}`,
});

/** Stores the answer over the whole range (succeeded when ok, failed with its first divergence) and its audit event. */
export async function storeOutcome(m: EntityManager, actor: RequestActor, id: string, result: LedgerVerificationModel): Promise<void> {
  const status = result.ok ? 'succeeded' : 'failed';
  await m.query(
    `UPDATE ledger_verifications SET status = $2, result = $3, leaves_checked = $4, checkpoints_checked = $5, resume = NULL,
            finished_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`,
    [id, status, JSON.stringify(result), result.leavesChecked, result.checkpointsChecked],
  );
  const divergence = result.firstDivergence;
  await recordAudit(m, actor, {
    action: `ledger_verification.${status}`,
    subjectType: 'LedgerVerification',
    subjectId: id,
    after: {
      ok: result.ok,
      leavesChecked: result.leavesChecked,
      checkpointsChecked: result.checkpointsChecked,
      firstDivergence: divergence && { index: divergence.index, kind: divergence.kind },
    },
  });
}

/** Gives up a verification that could not finish (no result), with its audit event; nothing when it has finished already. */
export async function storeFailure(m: EntityManager, actor: RequestActor, id: string, error: string): Promise<void> {
  const message = error.slice(0, 1000);
  const rows: unknown[] = await m.query(
    `UPDATE ledger_verifications SET status = 'failed', error = $2, finished_at = clock_timestamp(), updated_at = clock_timestamp()
      WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
    [id, message],
  );
  if (rows.length > 0)
    await recordAudit(m, actor, {
      action: 'ledger_verification.failed',
      subjectType: 'LedgerVerification',
      subjectId: id,
      after: { error: message },
    });
}

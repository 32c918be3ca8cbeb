import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { LEDGER_VERIFICATION_JOB, VERIFICATION_JOB_OPTIONS, verificationJobId } from './ledger-verification.job';
import { jobActor, storeFailure } from './verification-outcome';

const SWEEP_EVERY_MS = 30_000;
const MAX_ENQUEUES = 3;

/**
 * Re-enqueues verifications whose job was lost (the embedded default restarted, a worker died on
 * the last attempt), each time under a new job id: the new job resumes at the last stored slice.
 * After three it gives up and marks the verification failed. A running job writes after every
 * slice, and a slice takes at most the verification timeout (and as long again waiting for the
 * tenant's lock): twice that and a minute without a word, its job is taken as lost.
 */
@Injectable()
export class LedgerVerificationSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {
    super(jobs, { everyMs: SWEEP_EVERY_MS, logger: new Logger('LedgerVerification'), name: 'Verification sweep' });
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Returns how many verifications it re-enqueued or gave up. */
  async sweep(quietMs = 2 * this.config.ledger.verifyTimeoutMs + 60_000): Promise<number> {
    const stalled: { id: string; tenant_id: string }[] = await this.db.unscoped(
      `SELECT id, tenant_id FROM attest_stalled_ledger_verifications($1 * interval '1 millisecond')`,
      [quietMs],
    );
    for (const { id, tenant_id: tenantId } of stalled) {
      const again = await this.db.transaction(tenantId, async (m) => {
        const [row]: { id: string; enqueues: number; requested_by: string }[] = await m.query(
          `SELECT id, enqueues, requested_by FROM ledger_verifications WHERE id = $1 AND status IN ('queued', 'running') FOR UPDATE`,
          [id],
        );
        if (!row) return undefined;
        if (row.enqueues >= MAX_ENQUEUES) {
          await storeFailure(m, jobActor(tenantId, row), id, `its job was lost ${row.enqueues} times`);
          return undefined;
        }
        await m.query('UPDATE ledger_verifications SET enqueues = enqueues + 1, updated_at = clock_timestamp() WHERE id = $1', [id]);
        return { id, enqueues: row.enqueues + 1 };
      });
      if (again)
        await this.jobs.enqueue(
          LEDGER_VERIFICATION_JOB,
          { tenantId, verificationId: id },
          { jobId: verificationJobId(again), ...VERIFICATION_JOB_OPTIONS },
        );
    }
    return stalled.length;
  }
}

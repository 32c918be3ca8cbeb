import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig, type RequestActor } from '@attest/core';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import type { EntityManager } from 'typeorm';
import { emptyOutcome, LedgerVerifier } from '../verify/ledger-verifier.service';
import { RangeVerification } from '../verify/range-verification';
import { headsWithin, heldHeads, type SignedHead } from '../verify/signed-heads';
import { isStatementTimeout, limitStatements, lockVerification, timedOut } from '../verify/verification-limits';
import { LEDGER_VERIFICATION_JOB, type LedgerVerificationJob } from './ledger-verification.job';
import { jobActor, storeFailure, storeOutcome } from './verification-outcome';
import { progressOf, type VerificationRow } from './verification-row';

/**
 * Runs one verification a slice at a time (ATTEST_LEDGER_VERIFY_SLICE leaves per transaction, each
 * statement under ATTEST_LEDGER_VERIFY_TIMEOUT_MS, the tenant's verification lock held), storing
 * after each slice the leaves checked and the compact range reached, so that a run that dies is
 * resumed at its last slice by the next attempt or the sweep. Idempotent: each slice re-reads the
 * row under the lock; a finished verification is left alone.
 */
@Injectable()
export class LedgerVerificationHandler implements JobHandler<LedgerVerificationJob>, OnModuleInit {
  readonly queue = LEDGER_VERIFICATION_JOB.queue;
  private readonly logger = new Logger('LedgerVerification');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly db: TenantDb,
    private readonly verifier: LedgerVerifier,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<LedgerVerificationJob>): Promise<void> {
    const { tenantId, verificationId } = job.data;
    const row = await this.markRunning(tenantId, verificationId);
    if (!row) return;
    const actor = jobActor(tenantId, row);
    try {
      const held = heldHeads(row.checkpoints, this.verifier.trustFor(tenantId));
      while (!(await this.db.transaction(tenantId, (m) => this.slice(m, actor, row.id, held)))) {
        /* the next slice */
      }
    } catch (error) {
      if (job.attempt < job.maxAttempts) throw error;
      const message = isStatementTimeout(error)
        ? timedOut(this.config.ledger.verifyTimeoutMs).message
        : error instanceof Error
          ? error.message
          : String(error);
      this.logger.error(`Verification ${row.id} failed: ${message}`);
      await this.db.transaction(tenantId, (m) => storeFailure(m, actor, row.id, message));
    }
  }

  /** Marks it running (again, after a lost job); undefined when it is gone or finished. */
  private markRunning(tenantId: string, id: string): Promise<VerificationRow | undefined> {
    return this.db.transaction(tenantId, async (m) => {
      const rows: VerificationRow[] = await m.query(
        `WITH v AS (
           UPDATE ledger_verifications SET status = 'running', started_at = coalesce(started_at, clock_timestamp()), updated_at = clock_timestamp()
            WHERE id = $1 AND status IN ('queued', 'running') RETURNING *)
         SELECT * FROM v`,
        [id],
      );
      return rows[0];
    });
  }

  /** Checks the next slice where the last one stopped; true when the verification is over (by this slice, or already). */
  private async slice(m: EntityManager, actor: RequestActor, id: string, held: SignedHead[]): Promise<boolean> {
    await limitStatements(m, this.config.ledger.verifyTimeoutMs);
    await lockVerification(m, actor.tenantId, true);
    const [row]: VerificationRow[] = await m.query(`SELECT * FROM ledger_verifications WHERE id = $1 AND status = 'running'`, [id]);
    if (!row) return true;
    const [from, to] = [Number(row.from_index), Number(row.to_index)];
    const progress = progressOf(row);
    const run = progress ? RangeVerification.resume(from, to, progress) : await RangeVerification.start(m, from, to);
    if (!(run instanceof RangeVerification)) {
      await storeOutcome(m, actor, row.id, { ...emptyOutcome({ fromIndex: from, toIndex: to }), ok: false, firstDivergence: run });
      return true;
    }
    const through = Math.min(to, run.next + this.config.ledger.verifySlice - 1);
    const heads = await headsWithin(m, this.verifier.trustFor(actor.tenantId), held, run.next, through);
    const divergence = (await run.checkThrough(m, through, heads)) ?? (run.done ? await run.finish(m) : null);
    if (divergence || run.done) {
      await storeOutcome(m, actor, row.id, run.outcome(divergence));
      return true;
    }
    const { leavesChecked, checkpointsChecked, lastMatched, frontier } = run.progress;
    await m.query(
      'UPDATE ledger_verifications SET leaves_checked = $2, checkpoints_checked = $3, resume = $4, updated_at = clock_timestamp() WHERE id = $1',
      [row.id, leavesChecked, checkpointsChecked, JSON.stringify({ lastMatched, frontier })],
    );
    return false;
  }
}

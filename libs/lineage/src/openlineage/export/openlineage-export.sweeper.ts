import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { OPENLINEAGE_EXPORT_JOB } from './openlineage-export.job';

const SWEEP_EVERY_MS = 2_000;
/** BullMQ's and Node's longest timer: the last retry's wait must fit. */
const MAX_RETRY_WAIT_MS = 2 ** 31 - 1;
/** A tenant's export makes no progress for this long with work waiting: its job was lost (see the migration). */
const STUCK_AFTER_MS = 15 * 60_000;

/**
 * Starts the OpenLineage export jobs: every two seconds, where job handlers run, one job per tenant
 * with sealed leaves past its cursor (attest_openlineage_export_due). The job id is the tenant and
 * its export generation, so a tenant has one job at a time: enqueueing while it waits, runs or
 * retries is a no-op, and the next generation (after a finished batch, or after giving up) gets a
 * new one. The queue's attempts and backoff are ATTEST_OPENLINEAGE_ATTEMPTS and _BACKOFF_MS.
 */
@Injectable()
export class OpenLineageExportSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {
    super(jobs, { everyMs: SWEEP_EVERY_MS, logger: new Logger('OpenLineage'), name: 'OpenLineage export sweep' });
  }

  protected override runsHere(): boolean {
    return super.runsHere() && !!this.config.openLineage.url;
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Enqueues the due tenants' jobs; returns how many tenants were due. */
  async sweep(): Promise<number> {
    if (!this.config.openLineage.url) return 0;
    const stuckAfterMs = Math.max(STUCK_AFTER_MS, 2 * this.config.openLineage.backoffMs * 2 ** this.attempts());
    const due: { tenant_id: string; generation: number }[] = await this.db.unscoped(
      `SELECT tenant_id, generation FROM attest_openlineage_export_due($1 * interval '1 millisecond')`,
      [stuckAfterMs],
    );
    for (const { tenant_id: tenantId, generation } of due) await this.enqueue(tenantId, generation);
    return due.length;
  }

  async enqueue(tenantId: string, generation: number): Promise<void> {
    await this.jobs.enqueue(
      OPENLINEAGE_EXPORT_JOB,
      { tenantId },
      {
        jobId: `openlineage-export-${tenantId}-g${generation}`,
        attempts: this.attempts(),
        backoffMs: this.config.openLineage.backoffMs,
      },
    );
  }

  /** The configured attempts, fewer if the last retry's doubled wait would not fit a timer. */
  private attempts(): number {
    const { attempts, backoffMs } = this.config.openLineage;
    const fitting = Math.floor(Math.log2(MAX_RETRY_WAIT_MS / backoffMs)) + 1;
    return Math.max(1, Math.min(attempts, fitting));
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { REVIEW_OVERDUE_JOB } from './review-overdue.job';

/** How often overdue items are looked for: SLAs are minutes to days. */
export const OVERDUE_EVERY_MS = 60_000;

/**
 * Every minute, where job handlers run, one `reviews.overdue` job per tenant with an item past due
 * and not announced (attest_overdue_review_tenants); the job id names the tenant and the round, so
 * several sweeping processes queue it once.
 */
@Injectable()
export class ReviewOverdueSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
  ) {
    super(jobs, { everyMs: OVERDUE_EVERY_MS, logger: new Logger('Reviews'), name: 'Overdue review sweep' });
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Enqueues one announcement per tenant with overdue items; returns how many. */
  async sweep(round = Math.floor(Date.now() / OVERDUE_EVERY_MS)): Promise<number> {
    const tenants: { tenant_id: string }[] = await this.db.unscoped('SELECT tenant_id FROM attest_overdue_review_tenants()');
    for (const { tenant_id: tenantId } of tenants)
      await this.jobs.enqueue(
        REVIEW_OVERDUE_JOB,
        { tenantId },
        { jobId: `reviews-overdue-${tenantId}-${round}`, attempts: 3, backoffMs: 1000 },
      );
    return tenants.length;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { MONITOR_EVALUATION_JOB } from './monitor-evaluation.job';

/** How often monitors are evaluated: statistics move as the ledger seals, and windows are days. */
export const EVALUATE_EVERY_MS = 60_000;

/**
 * Starts the monitor evaluations: every minute, where job handlers run, one job per tenant with
 * monitors (attest_monitor_tenants). The job id names the tenant and the round, so a round is
 * queued once per tenant however many processes sweep; with Redis any worker runs it.
 */
@Injectable()
export class MonitorEvaluationSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
  ) {
    super(jobs, { everyMs: EVALUATE_EVERY_MS, logger: new Logger('Monitors'), name: 'Monitor evaluation sweep' });
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Enqueues one evaluation per tenant with monitors; returns how many. */
  async sweep(round = Math.floor(Date.now() / EVALUATE_EVERY_MS)): Promise<number> {
    const tenants: { tenant_id: string }[] = await this.db.unscoped('SELECT tenant_id FROM attest_monitor_tenants()');
    for (const { tenant_id: tenantId } of tenants)
      await this.jobs.enqueue(
        MONITOR_EVALUATION_JOB,
        { tenantId },
        { jobId: `monitors-${tenantId}-${round}`, attempts: 3, backoffMs: 1000 },
      );
    return tenants.length;
  }
}

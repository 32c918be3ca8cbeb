import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { WebhookDispatcher } from './webhook-dispatcher.service';

/** How long a pending delivery may wait for its job before the sweeper enqueues it again, and how often it looks. */
const STALE_AFTER = '1 minute';
const SWEEP_EVERY_MS = 30_000;
const BATCH = 500;

/**
 * Finds deliveries whose job was lost (the process died between commit and enqueue, or Redis was
 * down) and enqueues them again; the job id dedupes those still queued. Runs only where handlers
 * run: in the API on the embedded default, in the workers with Redis.
 */
@Injectable()
export class WebhookOutboxSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
    private readonly dispatcher: WebhookDispatcher,
  ) {
    super(jobs, { everyMs: SWEEP_EVERY_MS, logger: new Logger('Webhooks'), name: 'Outbox sweep' });
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Re-enqueues stale pending deliveries; returns how many it found. */
  async sweep(staleAfter = STALE_AFTER): Promise<number> {
    const rows = await this.db.unscoped<{ id: string; tenant_id: string }>(
      'SELECT * FROM attest_stale_webhook_deliveries($1::interval, $2)',
      [staleAfter, BATCH],
    );
    const byTenant = new Map<string, string[]>();
    for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.id]);
    for (const [tenantId, ids] of byTenant) await this.dispatcher.dispatch(tenantId, ids);
    return rows.length;
  }
}

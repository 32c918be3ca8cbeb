import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { attestMeter, cachedReading } from '@attest/observability';

/** A scrape every few seconds (or several Prometheus replicas) costs one backlog query. */
const BACKLOG_CACHE_MS = 5_000;

interface BacklogRow {
  tenant_id: string;
  automation_id: string;
  pending: string;
  oldest_recorded_at: Date;
}

/**
 * The review backlog, read from PostgreSQL when Prometheus scrapes (cached a few seconds): one
 * grouped count over the pending-review partial index, across tenants (attest_review_backlog).
 * Provided by the API only, so that a worker does not export the same series a second time.
 */
@Injectable()
export class ReviewBacklogMetrics {
  constructor(db: TenantDb) {
    const meter = attestMeter('decisions');
    const backlog = cachedReading(BACKLOG_CACHE_MS, () => db.unscoped<BacklogRow>('SELECT * FROM attest_review_backlog()'));
    const depth = meter.createObservableGauge('attest.reviews.pending', {
      description: 'Decisions awaiting review now, by tenant and automation',
    });
    const oldest = meter.createObservableGauge('attest.reviews.oldest_age', {
      unit: 's',
      description: 'Age of the oldest decision awaiting review, by tenant and automation',
    });
    meter.addBatchObservableCallback(
      async (result) => {
        const now = Date.now();
        for (const row of (await backlog()) ?? []) {
          const labels = { tenant_id: row.tenant_id, automation_id: row.automation_id };
          result.observe(depth, Number(row.pending), labels);
          result.observe(oldest, Math.max(0, (now - new Date(row.oldest_recorded_at).getTime()) / 1000), labels);
        }
      },
      [depth, oldest],
    );
  }
}

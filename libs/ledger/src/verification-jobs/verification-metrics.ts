import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { attestMeter, cachedReading } from '@attest/observability';

const CACHE_MS = 5_000;

/**
 * When each tenant's ledger was last verified, and how it ended, read from PostgreSQL when
 * Prometheus scrapes (attest_ledger_last_verifications, cached a few seconds). Provided by the API
 * only, so that a worker does not export the same series a second time.
 */
@Injectable()
export class LedgerVerificationMetrics {
  constructor(db: TenantDb) {
    const last = cachedReading(CACHE_MS, () =>
      db.unscoped<{ tenant_id: string; status: string; finished_at: Date }>('SELECT * FROM attest_ledger_last_verifications()'),
    );
    attestMeter('ledger')
      .createObservableGauge('attest.ledger.last_verification', {
        unit: 's',
        description: 'Unix time the latest ledger verification of a tenant finished, by tenant and status (succeeded, failed)',
      })
      .addCallback(async (result) => {
        for (const row of (await last()) ?? []) {
          result.observe(new Date(row.finished_at).getTime() / 1000, { tenant_id: row.tenant_id, status: row.status });
        }
      });
  }
}

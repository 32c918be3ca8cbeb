import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { IngestService } from './ingest.service';

/** A pending chunk not enqueued for this long is presumed lost; and how often to look. */
const STALE_AFTER = '5 minutes';
const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

/**
 * Re-enqueues ingest chunks whose queue job was lost: the process died between commit and enqueue,
 * Redis lost it, or (in-process) the process stopped with jobs waiting in its memory — so there, on
 * start, every pending chunk is taken up at once. Runs only where handlers run. Claiming bumps the
 * chunk's enqueue count in the database, so concurrent sweepers never claim the same chunk.
 */
@Injectable()
export class IngestRecoverySweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
    private readonly ingest: IngestService,
  ) {
    super(jobs, { everyMs: SWEEP_EVERY_MS, logger: new Logger('Ingest'), name: 'Ingest recovery sweep' });
  }

  protected override async beforeFirstRun(): Promise<void> {
    // In-process, a job survives only as long as the process: whatever is pending now was lost.
    if (!this.jobs.durable) await this.sweep('0 seconds').catch((e: Error) => this.logger.warn(`Ingest recovery failed: ${e.message}`));
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Claims and re-enqueues stale pending chunks (in rounds of BATCH); returns how many. */
  async sweep(staleAfter = STALE_AFTER): Promise<number> {
    // One cutoff for every round: what a round claims is re-stamped after it, so never claimed twice.
    const [{ cutoff }] = await this.db.unscoped<{ cutoff: Date }>(
      "SELECT date_trunc('milliseconds', now() - $1::interval) - interval '1 millisecond' AS cutoff",
      [staleAfter],
    );
    let total = 0;
    for (;;) {
      const rows = await this.db.unscoped<{ tenant_id: string; job_id: string; chunk: number; enqueues: number }>(
        'SELECT * FROM attest_claim_stale_ingest_chunks($1, $2)',
        [cutoff, BATCH],
      );
      const byTenant = new Map<string, { jobId: string; chunk: number; enqueues: number }[]>();
      for (const r of rows)
        byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), { jobId: r.job_id, chunk: r.chunk, enqueues: r.enqueues }]);
      for (const [tenantId, chunks] of byTenant) await this.ingest.enqueue(tenantId, chunks);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }
}

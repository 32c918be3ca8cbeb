import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { attestMeter } from '@attest/observability';
import { Sequencer, type SequencedBatch } from './sequencer.service';

/** A run drains a backlog in consecutive batches for at most this long, then lets the timer pace it. */
const RUN_BUDGET_MS = 5_000;
/**
 * A batch at least this share of ATTEST_LEDGER_BATCH means leaves arrive faster than the timer
 * seals them: the next batch starts at once rather than at the next tick (lag is a batch, not a
 * batch and a tick). A trickle stays paced by the timer: a checkpoint per tick, not per leaf.
 */
const BUSY_SHARE = 0.2;

/**
 * The sequencer's loop, where job handlers run (each worker; the API on the embedded default):
 * every ATTEST_LEDGER_SEQUENCE_EVERY_MS it asks which tenants have unsequenced leaves and seals
 * them, so a checkpoint follows new leaves within that time; under load, batch after batch. Several workers share the work: a
 * tenant held by another one is skipped (see Sequencer). Lag is published as OpenTelemetry metrics.
 */
@Injectable()
export class SequencerRunner extends PeriodicTask {
  private readonly meter = attestMeter('ledger');
  private readonly lag = this.meter.createHistogram('attest.ledger.sequencing_lag', {
    unit: 'ms',
    description: 'Time from a leaf being written (with its fact) to its being sealed in a signed checkpoint',
  });
  private readonly sealed = this.meter.createCounter('attest.ledger.leaves_sealed', { description: 'Leaves given a position and sealed' });

  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
    private readonly sequencer: Sequencer,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {
    super(jobs, { everyMs: config.ledger.sequenceEveryMs, logger: new Logger('Ledger'), name: 'Ledger sequencing' });
  }

  /** Seals what is pending now, tenant by tenant; returns the batches sealed. */
  async runOnce(): Promise<SequencedBatch[]> {
    const pending = await this.db.unscoped<{ tenant_id: string }>('SELECT tenant_id FROM attest_ledger_pending_tenants()');
    const batches: SequencedBatch[] = [];
    const deadline = Date.now() + RUN_BUDGET_MS;
    for (const { tenant_id: tenantId } of pending) {
      for (;;) {
        const batch = await this.sequencer.sequence(tenantId, this.config.ledger.batchSize);
        if (!batch || batch.sequenced === 0) break;
        this.observe(batch);
        batches.push(batch);
        if (batch.sequenced < this.config.ledger.batchSize * BUSY_SHARE || Date.now() > deadline) break;
      }
    }
    return batches;
  }

  private observe(batch: SequencedBatch): void {
    const sealedAt = batch.sealedAt.getTime();
    for (const written of batch.writtenAt) this.lag.record(Math.max(0, sealedAt - written.getTime()));
    this.sealed.add(batch.sequenced);
  }
}

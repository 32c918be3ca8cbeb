import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, TenantDb, mapInSlices, type AttestConfig } from '@attest/core';
import { Authenticator } from '@attest/identity';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import type { EntityManager } from 'typeorm';
import { DecisionRecorder, type BatchOutcome, type RecordedBatch } from '../recording/decision-recorder.service';
import { HashKeys } from '../recording/hash-keys';
import { openBytes } from '../sealing/secret-box';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { itemErrorOf } from './models/item-error.model';
import { decisionItemOf } from './decision-item.validator';
import { countsOf } from './batch-counts';
import { INGEST_CHUNK_JOB, INGEST_SEALING_KEY, MAX_CHUNK_ENQUEUES, chunkContext, type IngestChunkJob } from './ingest.job';
import { recordIsolatingDataErrors } from './record-isolating-data-errors';
import { IngestItemErrorEntity } from './entities/ingest-item-error.entity';
import { IngestJobEntity } from './entities/ingest-job.entity';

/**
 * Records one chunk in ONE transaction: its decisions (the same path as recordDecisions), its dead
 * letters, and the chunk marked done with its counts and its payload dropped. The chunk row is
 * locked first, so two runs of the same chunk (a duplicate job, a worker that died after commit)
 * never both record it: the second finds it done. A run that dies midway rolls back whole.
 */
@Injectable()
export class IngestChunkHandler implements JobHandler<IngestChunkJob>, OnModuleInit {
  readonly queue = INGEST_CHUNK_JOB.queue;
  private readonly logger = new Logger('Ingest');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly db: TenantDb,
    private readonly authenticator: Authenticator,
    private readonly recorder: DecisionRecorder,
    private readonly keys: HashKeys,
    private readonly webhooks: WebhookDispatcher,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<IngestChunkJob>): Promise<void> {
    try {
      await this.record(job.data);
    } catch (error) {
      // The last try of the last enqueue: the items become dead letters rather than a job that never ends.
      if (job.attempt < job.maxAttempts || !(await this.giveUp(job.data, error))) throw error;
    }
  }

  private async record({ tenantId, jobId, chunk }: IngestChunkJob): Promise<void> {
    const ingest = await this.db.transaction(tenantId, (m) => m.findOneBy(IngestJobEntity, { id: jobId }));
    if (!ingest) return;
    // Outside the transaction below: it needs its own connection, and must not wait for a second one while holding it.
    const actor = await this.authenticator
      .principalFor(tenantId, ingest.submittedBy, ingest.correlationId ?? `ingest-${jobId}`)
      .catch((error: unknown) => refusal(error, 'The principal that submitted this ingest is disabled or gone'));
    const deliveryIds = await this.db.transaction(tenantId, async (m) => {
      const [row]: { payload: Buffer; first_index: number; status: string }[] = await m.query(
        'SELECT payload, first_index, status FROM decision_ingest_chunks WHERE job_id = $1 AND chunk = $2 FOR UPDATE',
        [jobId, chunk],
      );
      if (!row || row.status !== 'pending') return [];
      const items: unknown[] = JSON.parse(
        openBytes(this.keys.derive(INGEST_SEALING_KEY), row.payload, chunkContext(jobId, chunk)).toString('utf8'),
      );
      const batch: RecordedBatch =
        actor instanceof AttestError
          ? { outcomes: items.map(() => ({ ok: false, error: actor })), deliveryIds: [] }
          : await recordIsolatingDataErrors(
              m,
              await mapInSlices(items, (item, i) => decisionItemOf(item, row.first_index + i, this.config.maxJsonDepth)),
              (part) => this.recorder.recordBatchIn(m, actor, part),
            );
      await this.deadLetters(m, tenantId, jobId, row.first_index, items, batch.outcomes);
      const counts = countsOf(batch.outcomes);
      await m.query(
        `UPDATE decision_ingest_chunks SET status = 'done', payload = NULL, recorded = $3, pending_review = $4, blocked = $5,
                replayed = $6, failed = $7, started_at = now(), completed_at = clock_timestamp()
          WHERE job_id = $1 AND chunk = $2`,
        [jobId, chunk, counts.recorded, counts.pendingReview, counts.blocked, counts.replayed, counts.failed],
      );
      return batch.deliveryIds;
    });
    await this.webhooks.dispatch(tenantId, deliveryIds);
  }

  /** After MAX_CHUNK_ENQUEUES enqueues have failed: every item of the chunk is refused as INTERNAL. False when not given up yet. */
  private giveUp({ tenantId, jobId, chunk }: IngestChunkJob, error: unknown): Promise<boolean> {
    return this.db.transaction(tenantId, async (m) => {
      const [row]: { first_index: number; item_count: number; status: string; enqueues: number }[] = await m.query(
        'SELECT first_index, item_count, status, enqueues FROM decision_ingest_chunks WHERE job_id = $1 AND chunk = $2 FOR UPDATE',
        [jobId, chunk],
      );
      if (!row || row.status !== 'pending' || row.enqueues < MAX_CHUNK_ENQUEUES) return false;
      this.logger.error(`Ingest ${jobId} chunk ${chunk}: giving up after ${row.enqueues} enqueues: ${(error as Error).message}`);
      const message = `Not recorded: this item's chunk failed ${row.enqueues} times in a row (see the server log for ingest ${jobId}, chunk ${chunk}); submit it again`;
      await m.query(
        `INSERT INTO decision_ingest_errors (tenant_id, job_id, item_index, code, message)
         SELECT $1, $2, i, 'INTERNAL', $3 FROM generate_series($4::int, $5::int) AS i ON CONFLICT DO NOTHING`,
        [tenantId, jobId, message, row.first_index, row.first_index + row.item_count - 1],
      );
      await m.query(
        `UPDATE decision_ingest_chunks SET status = 'done', payload = NULL, failed = item_count, started_at = now(), completed_at = clock_timestamp()
          WHERE job_id = $1 AND chunk = $2`,
        [jobId, chunk],
      );
      return true;
    });
  }

  private async deadLetters(
    m: EntityManager,
    tenantId: string,
    jobId: string,
    firstIndex: number,
    items: unknown[],
    outcomes: BatchOutcome[],
  ): Promise<void> {
    const letters: Partial<IngestItemErrorEntity>[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) return;
      const key = (items[i] as { idempotencyKey?: unknown } | null)?.idempotencyKey;
      letters.push({
        tenantId,
        jobId,
        itemIndex: firstIndex + i,
        idempotencyKey: typeof key === 'string' ? key.slice(0, 200) : null,
        ...itemErrorOf(outcome.error),
      });
    });
    if (letters.length > 0) await m.insert(IngestItemErrorEntity, letters);
  }
}

function refusal(error: unknown, message: string): AttestError {
  if (error instanceof AttestError) return AttestError.forbidden(message);
  throw error;
}

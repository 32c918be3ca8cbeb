import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, recordAudit, TenantDb, type AttestConfig } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { JobQueue } from '@attest/jobs';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { HashKeys } from '../recording/hash-keys';
import { sealBytes } from '../sealing/secret-box';
import { IngestJobStatus } from './bulk.dto';
import { assertBatchSize, MAX_INGEST_BATCH, type DecisionBatch } from './decision-batch';
import type { IngestItemErrorModel } from './models/ingest-item-error.model';
import type { IngestJobModel } from './models/ingest-job.model';
import { INGEST_CHUNK_JOB, INGEST_CHUNK_SIZE, INGEST_SEALING_KEY, chunkContext, ingestJobIdOf } from './ingest.job';
import { IngestChunkEntity } from './entities/ingest-chunk.entity';
import { IngestJobEntity } from './entities/ingest-job.entity';
import { stagedItemOf } from './staged-item';

interface JobRow {
  id: string;
  tenant_id: string;
  submitted_by: string;
  correlation_id: string | null;
  item_count: number;
  chunk_count: number;
  created_at: Date;
  chunks_done: string;
  recorded: string;
  pending_review: string;
  blocked: string;
  replayed: string;
  failed: string;
  completed_at: Date | null;
}

/**
 * Accepts decisions to record later: the items are staged sealed in PostgreSQL (they are not yet
 * redacted, so never in clear) in chunks, one queue job each, in the transaction that creates the
 * ingest job; workers record each chunk with the same path as recordDecisions. Durable before the
 * caller has its job id: a crash anywhere loses nothing (the recovery sweep re-enqueues).
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly keys: HashKeys,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async submit(actor: AuthenticatedPrincipal, input: DecisionBatch): Promise<IngestJobModel> {
    assertBatchSize(input, MAX_INGEST_BATCH);
    const id = randomUUID();
    const key = this.keys.derive(INGEST_SEALING_KEY);
    const chunks: Partial<IngestChunkEntity>[] = [];
    for (let first = 0, chunk = 0; first < input.decisions.length; first += INGEST_CHUNK_SIZE, chunk++) {
      const items = input.decisions.slice(first, first + INGEST_CHUNK_SIZE).map((item) => stagedItemOf(item, this.config.maxJsonDepth));
      const payload = sealBytes(key, Buffer.from(JSON.stringify(items), 'utf8'), chunkContext(id, chunk));
      chunks.push({ tenantId: actor.tenantId, jobId: id, chunk, firstIndex: first, itemCount: items.length, payload });
    }
    await this.db.transaction(actor.tenantId, async (m) => {
      await m.insert(IngestJobEntity, {
        id,
        tenantId: actor.tenantId,
        submittedBy: actor.principalId,
        correlationId: actor.correlationId,
        itemCount: input.decisions.length,
        chunkCount: chunks.length,
      });
      await m.insert(IngestChunkEntity, chunks);
      await recordAudit(m, actor, {
        action: 'decision_ingest.submitted',
        subjectType: 'IngestJob',
        subjectId: id,
        after: { itemCount: input.decisions.length, chunkCount: chunks.length },
      });
    });
    await this.enqueue(
      actor.tenantId,
      chunks.map((c) => ({ jobId: id, chunk: c.chunk!, enqueues: 1 })),
    );
    return this.get(actor, id);
  }

  /** Hands chunks to the queue; never throws (the chunks are durable, and the recovery sweep retries). */
  async enqueue(tenantId: string, chunks: { jobId: string; chunk: number; enqueues: number }[]): Promise<void> {
    if (chunks.length === 0) return;
    try {
      await this.jobs.enqueueMany(
        INGEST_CHUNK_JOB,
        chunks.map((c) => ({
          data: { tenantId, jobId: c.jobId, chunk: c.chunk },
          options: { jobId: ingestJobIdOf(c), attempts: 5, backoffMs: 2_000 },
        })),
      );
    } catch (error) {
      this.logger.warn(`Could not enqueue ${chunks.length} ingest chunks now (the recovery sweep will): ${(error as Error).message}`);
    }
  }

  async get(actor: AuthenticatedPrincipal, id: string): Promise<IngestJobModel> {
    const row = await this.db.transaction(actor.tenantId, (m) => this.jobRow(m, id));
    if (!row) throw AttestError.notFound('IngestJob', id);
    if (!actor.ability.can('read', subjectOf('IngestJob', { tenantId: row.tenant_id, submittedBy: row.submitted_by }))) {
      throw AttestError.notFound('IngestJob', id);
    }
    return modelOf(row);
  }

  /** The dead letters of a job the actor may read (the caller loaded it through `get`), by item index. */
  errors(actor: AuthenticatedPrincipal, jobId: string, page: { first: number; afterIndex?: number }): Promise<IngestItemErrorModel[]> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows: {
        item_index: number;
        idempotency_key: string | null;
        code: string;
        message: string;
        field: string | null;
        decision_id: string | null;
      }[] = await m.query(
        `SELECT item_index, idempotency_key, code, message, field, decision_id FROM decision_ingest_errors
          WHERE job_id = $1 AND item_index > $2 ORDER BY item_index LIMIT $3`,
        [jobId, page.afterIndex ?? -1, page.first],
      );
      return rows.map((r) => ({
        index: r.item_index,
        idempotencyKey: r.idempotency_key,
        code: r.code,
        message: r.message,
        field: r.field,
        decisionId: r.decision_id,
      }));
    });
  }

  private async jobRow(m: EntityManager, id: string): Promise<JobRow | undefined> {
    const [row]: JobRow[] = await m.query(
      `SELECT j.*, count(*) FILTER (WHERE c.status = 'done') AS chunks_done,
              sum(c.recorded) AS recorded, sum(c.pending_review) AS pending_review, sum(c.blocked) AS blocked,
              sum(c.replayed) AS replayed, sum(c.failed) AS failed, max(c.completed_at) AS completed_at
         FROM decision_ingest_jobs j JOIN decision_ingest_chunks c ON c.job_id = j.id
        WHERE j.id = $1
        GROUP BY j.id`,
      [id],
    );
    return row;
  }
}

function modelOf(row: JobRow): IngestJobModel {
  const counts = {
    recorded: Number(row.recorded),
    pendingReview: Number(row.pending_review),
    blocked: Number(row.blocked),
    replayed: Number(row.replayed),
    failed: Number(row.failed),
  };
  const chunksDone = Number(row.chunks_done);
  const status =
    chunksDone === row.chunk_count ? IngestJobStatus.COMPLETED : chunksDone === 0 ? IngestJobStatus.QUEUED : IngestJobStatus.RUNNING;
  return {
    id: row.id,
    status,
    itemCount: row.item_count,
    processed: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    chunkCount: row.chunk_count,
    chunksDone,
    submittedBy: row.submitted_by,
    correlationId: row.correlation_id,
    createdAt: row.created_at,
    completedAt: status === IngestJobStatus.COMPLETED ? row.completed_at : null,
  };
}

import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One asynchronous ingest: who submitted how many decisions. Its progress is the sum of its chunks. */
@Entity('decision_ingest_jobs')
export class IngestJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  @Column({ name: 'item_count', type: 'integer' }) itemCount: number;
  @Column({ name: 'chunk_count', type: 'integer' }) chunkCount: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type ChunkStatus = 'pending' | 'done';

/** A slice of an ingest, recorded in one transaction: sealed items while pending, then only its counts. */
@Entity('decision_ingest_chunks')
export class IngestChunkEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId: string;
  @PrimaryColumn('integer') chunk: number;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'first_index', type: 'integer' }) firstIndex: number;
  @Column({ name: 'item_count', type: 'integer' }) itemCount: number;
  @Column({ type: 'bytea', nullable: true }) payload: Buffer | null;
  @Column('text') status: ChunkStatus;
  @Column('integer') recorded: number;
  @Column({ name: 'pending_review', type: 'integer' }) pendingReview: number;
  @Column('integer') blocked: number;
  @Column('integer') replayed: number;
  @Column('integer') failed: number;
  @Column('integer') enqueues: number;
  @Column({ name: 'enqueued_at', type: 'timestamptz' }) enqueuedAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}

/** A dead letter: an item that was not recorded, and why (never its values). Append-only. */
@Entity('decision_ingest_errors')
export class IngestItemErrorEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId: string;
  @PrimaryColumn({ name: 'item_index', type: 'integer' }) itemIndex: number;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column('text') code: string;
  @Column('text') message: string;
  @Column({ type: 'text', nullable: true }) field: string | null;
  /** CONFLICT: the decision that already holds the item's idempotency key. */
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const INGEST_ENTITIES = [IngestJobEntity, IngestChunkEntity, IngestItemErrorEntity];

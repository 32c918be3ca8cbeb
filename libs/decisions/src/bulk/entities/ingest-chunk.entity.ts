import { Column, Entity, PrimaryColumn } from 'typeorm';

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

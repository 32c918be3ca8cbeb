import { Column, Entity, PrimaryColumn } from 'typeorm';

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

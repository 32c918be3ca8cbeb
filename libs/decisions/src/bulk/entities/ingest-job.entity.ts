import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

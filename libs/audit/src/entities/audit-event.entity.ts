import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read side of audit_events; rows are written only by recordAudit (@attest/core). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column('text') action: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: string;
  @Column({ name: 'subject_id', type: 'text' }) subjectId: string;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ type: 'jsonb' }) changes: Record<string, unknown>;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}

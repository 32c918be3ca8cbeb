import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LifecycleStatus } from '../registry.enums';

/** Append-only history of lifecycle moves; who submitted and who approved comes from here too. */
@Entity('lifecycle_transitions')
export class LifecycleTransitionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: 'ModelVersion' | 'AutomationVersion';
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'from_status', type: 'text' }) fromStatus: LifecycleStatus;
  @Column({ name: 'to_status', type: 'text' }) toStatus: LifecycleStatus;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId: string;
  @Column('text') rationale: string;
  @CreateDateColumn({ name: 'at', type: 'timestamptz' }) at: Date;
}

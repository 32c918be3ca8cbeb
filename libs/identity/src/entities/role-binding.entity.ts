import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/vocabulary';

@Entity('role_bindings')
export class RoleBindingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'principal_id', type: 'uuid' }) principalId: string;
  @Column('text') role: Role;
  /** Set only for the `service` role: the automation the service may act for. */
  @Column({ name: 'automation_id', type: 'uuid', nullable: true }) automationId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

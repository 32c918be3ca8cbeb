import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Environment, LifecycleStatus, OversightMode, RiskClass } from '../registry.enums';

@Entity('automation_versions')
export class AutomationVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'automation_id', type: 'uuid' }) automationId: string;
  @Column('text') version: string;
  @Column('text') purpose: string;
  /** Application domain, e.g. an EU AI Act Annex III area (employment, credit, …). */
  @Column({ type: 'text', nullable: true }) domain: string | null;
  @Column({ name: 'risk_class', type: 'text' }) riskClass: RiskClass;
  @Column({ name: 'oversight_mode', type: 'text' }) oversightMode: OversightMode;
  @Column('text') environment: Environment;
  @Column('text') status: LifecycleStatus;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

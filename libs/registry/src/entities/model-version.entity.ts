import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LifecycleStatus, RiskTier } from '../registry.enums';

export interface EvaluationMetric {
  name: string;
  value: number;
  datasetVersionId?: string | null;
}

@Entity('model_versions')
export class ModelVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'model_id', type: 'uuid' }) modelId: string;
  @Column('text') version: string;
  @Column({ name: 'artifact_uri', type: 'text' }) artifactUri: string;
  @Column({ name: 'artifact_digest', type: 'text' }) artifactDigest: string;
  @Column('text') framework: string;
  @Column({ name: 'intended_use', type: 'text', nullable: true }) intendedUse: string | null;
  @Column({ type: 'text', nullable: true }) limitations: string | null;
  @Column({ type: 'jsonb' }) metrics: EvaluationMetric[];
  @Column({ name: 'risk_tier', type: 'text' }) riskTier: RiskTier;
  @Column('text') status: LifecycleStatus;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

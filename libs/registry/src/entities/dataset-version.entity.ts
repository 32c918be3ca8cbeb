import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('dataset_versions')
export class DatasetVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'dataset_id', type: 'uuid' }) datasetId: string;
  @Column('text') version: string;
  @Column({ name: 'source_uri', type: 'text' }) sourceUri: string;
  @Column('text') digest: string;
  @Column({ type: 'jsonb', nullable: true }) schema: Record<string, unknown> | null;
  @Column({ name: 'pii_classes', type: 'text', array: true }) piiClasses: string[];
  @Column({ type: 'text', nullable: true }) provenance: string | null;
  @Column({ type: 'text', nullable: true }) licence: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

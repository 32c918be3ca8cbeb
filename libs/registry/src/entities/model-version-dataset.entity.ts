import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DatasetPurpose } from '../registry.enums';

/** A dataset version a model version was trained or evaluated on. */
@Entity('model_version_datasets')
export class ModelVersionDatasetEntity {
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'model_version_id', type: 'uuid' }) modelVersionId: string;
  @PrimaryColumn({ type: 'text' }) purpose: DatasetPurpose;
  @PrimaryColumn({ name: 'dataset_version_id', type: 'uuid' }) datasetVersionId: string;
}

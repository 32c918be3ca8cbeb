import { AutomationVersionEntity } from './entities/automation-version.entity';
import { AutomationEntity } from './entities/automation.entity';
import { DatasetVersionEntity } from './entities/dataset-version.entity';
import { DatasetEntity } from './entities/dataset.entity';
import { ModelVersionEntity } from './entities/model-version.entity';
import { ModelEntity } from './entities/model.entity';
import type { ReadableTable } from './registry-access';

/** Every registry table with the columns its read rules may name (policies/access/roles.yaml). */
export const MODELS: ReadableTable<ModelEntity> = {
  subjectType: 'Model',
  entity: ModelEntity,
  alias: 'model',
  columns: { id: 'id', tenantId: 'tenant_id', ownerId: 'owner_id', name: 'name' },
};
export const MODEL_VERSIONS: ReadableTable<ModelVersionEntity> = {
  subjectType: 'ModelVersion',
  entity: ModelVersionEntity,
  alias: 'mv',
  columns: { id: 'id', tenantId: 'tenant_id', modelId: 'model_id' },
};
export const DATASETS: ReadableTable<DatasetEntity> = {
  subjectType: 'Dataset',
  entity: DatasetEntity,
  alias: 'dataset',
  columns: { id: 'id', tenantId: 'tenant_id', ownerId: 'owner_id', name: 'name' },
};
export const DATASET_VERSIONS: ReadableTable<DatasetVersionEntity> = {
  subjectType: 'DatasetVersion',
  entity: DatasetVersionEntity,
  alias: 'dv',
  columns: { id: 'id', tenantId: 'tenant_id', datasetId: 'dataset_id' },
};
export const AUTOMATIONS: ReadableTable<AutomationEntity> = {
  subjectType: 'Automation',
  entity: AutomationEntity,
  alias: 'automation',
  columns: { id: 'id', tenantId: 'tenant_id', ownerId: 'owner_id', key: 'key', name: 'name' },
};
export const AUTOMATION_VERSIONS: ReadableTable<AutomationVersionEntity> = {
  subjectType: 'AutomationVersion',
  entity: AutomationVersionEntity,
  alias: 'av',
  columns: { id: 'id', tenantId: 'tenant_id', automationId: 'automation_id' },
};

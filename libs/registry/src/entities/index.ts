import { AutomationVersionModelEntity } from './automation-version-model.entity';
import { AutomationVersionEntity } from './automation-version.entity';
import { AutomationEntity } from './automation.entity';
import { DatasetVersionEntity } from './dataset-version.entity';
import { DatasetEntity } from './dataset.entity';
import { LifecycleTransitionEntity } from './lifecycle-transition.entity';
import { ModelVersionDatasetEntity } from './model-version-dataset.entity';
import { ModelVersionEntity } from './model-version.entity';
import { ModelEntity } from './model.entity';

export {
  AutomationEntity,
  AutomationVersionEntity,
  AutomationVersionModelEntity,
  DatasetEntity,
  DatasetVersionEntity,
  LifecycleTransitionEntity,
  ModelEntity,
  ModelVersionDatasetEntity,
  ModelVersionEntity,
};
export const REGISTRY_ENTITIES = [
  ModelEntity,
  ModelVersionEntity,
  ModelVersionDatasetEntity,
  DatasetEntity,
  DatasetVersionEntity,
  AutomationEntity,
  AutomationVersionEntity,
  AutomationVersionModelEntity,
  LifecycleTransitionEntity,
];

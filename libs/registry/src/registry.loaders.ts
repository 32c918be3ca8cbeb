import { defineByIdLoader, defineLoader, groupByKeys } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { AutomationVersionsService } from './automation-versions.service';
import type { DatasetVersionsService } from './dataset-versions.service';
import type { AutomationModel, AutomationVersionModel } from './models/automation.model';
import type { DatasetModel, DatasetVersionModel } from './models/dataset.model';
import type { ModelVersionModel } from './models/model-version.model';
import type { ModelModel } from './models/model.model';
import type { ModelVersionsService } from './model-versions.service';
import { DatasetPurpose } from './registry.enums';
import { groupLinked } from './registry-links';

// The registry's DataLoaders, defined once here; other contexts use the exported ones through @attest/registry.

export const modelByIdLoader = defineByIdLoader<ModelModel, AuthenticatedPrincipal>('model.byId');
export const modelVersionByIdLoader = defineByIdLoader<ModelVersionModel, AuthenticatedPrincipal>('modelVersion.byId');
export const datasetByIdLoader = defineByIdLoader<DatasetModel, AuthenticatedPrincipal>('dataset.byId');
export const automationByIdLoader = defineByIdLoader<AutomationModel, AuthenticatedPrincipal>('automation.byId');
export const automationVersionByIdLoader = defineByIdLoader<AutomationVersionModel, AuthenticatedPrincipal>('automationVersion.byId');

export const modelVersionsOfModelLoader = defineLoader({
  name: 'model.versions',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: ModelVersionsService): Promise<ModelVersionModel[][]> =>
    groupByKeys(ids, await service.versionsOfModels(actor, ids), (v) => v.modelId),
});

export const datasetVersionsOfDatasetLoader = defineLoader({
  name: 'dataset.versions',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: DatasetVersionsService): Promise<DatasetVersionModel[][]> =>
    groupByKeys(ids, await service.versionsOfDatasets(actor, ids), (v) => v.datasetId),
});

export const automationVersionsOfAutomationLoader = defineLoader({
  name: 'automation.versions',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    service: AutomationVersionsService,
  ): Promise<AutomationVersionModel[][]> => groupByKeys(ids, await service.versionsOfAutomations(actor, ids), (v) => v.automationId),
});

export const modelVersionsOfAutomationVersionLoader = defineLoader({
  name: 'automationVersion.modelVersions',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    service: AutomationVersionsService,
  ): Promise<ModelVersionModel[][]> => groupLinked(ids, await service.modelVersionsOf(actor, ids)),
});

export const automationVersionsUsingModelVersionLoader = defineLoader({
  name: 'modelVersion.usedBy',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    service: AutomationVersionsService,
  ): Promise<AutomationVersionModel[][]> => groupLinked(ids, await service.usingModelVersions(actor, ids)),
});

export const modelVersionsUsingDatasetVersionLoader = defineLoader({
  name: 'datasetVersion.usedBy',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: DatasetVersionsService): Promise<ModelVersionModel[][]> =>
    groupLinked(ids, await service.modelVersionsUsing(actor, ids)),
});

function datasetsOfModelVersionLoader(purpose: DatasetPurpose) {
  return defineLoader({
    name: `modelVersion.datasets.${purpose}`,
    batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: ModelVersionsService): Promise<DatasetVersionModel[][]> =>
      groupLinked(ids, await service.datasetsOf(actor, ids, purpose)),
  });
}

/** One loader per purpose: the purpose is part of the batch, not of the key. */
export const datasetsOfModelVersionLoaders = Object.fromEntries(
  Object.values(DatasetPurpose).map((purpose) => [purpose, datasetsOfModelVersionLoader(purpose)]),
) as Record<DatasetPurpose, ReturnType<typeof datasetsOfModelVersionLoader>>;

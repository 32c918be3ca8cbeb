import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { auditSnapshot } from './audit-snapshot';
import type { RegisterModelVersionInput } from './dto/register-model-version.input';
import type { TransitionArgs } from './dto/transition.args';
import type { DatasetVersionEntity } from './entities/dataset-version.entity';
import { ModelVersionDatasetEntity } from './entities/model-version-dataset.entity';
import { ModelVersionEntity } from './entities/model-version.entity';
import { ModelEntity } from './entities/model.entity';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { modelVersionFacts } from './lifecycle/policy-facts';
import { DatasetPurpose, LifecycleStatus } from './registry.enums';
import { findReadable, loadReadable } from './registry-access';
import { assertAllExist, findOrNotFound } from './registry-checks';
import { linkedRows, type Linked } from './registry-links';
import { DATASET_VERSIONS, MODEL_VERSIONS } from './registry-tables';

@Injectable()
export class ModelVersionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly lifecycle: LifecycleService,
  ) {}

  register(actor: AuthenticatedPrincipal, input: RegisterModelVersionInput): Promise<ModelVersionEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const model = await findOrNotFound(m, ModelEntity, 'Model', input.modelId);
      const version = m.create(ModelVersionEntity, {
        tenantId: actor.tenantId,
        modelId: model.id,
        version: input.version,
        artifactUri: input.artifactUri,
        artifactDigest: input.artifactDigest,
        framework: input.framework,
        intendedUse: input.intendedUse ?? null,
        limitations: input.limitations ?? null,
        metrics: (input.metrics ?? []).map((x) => ({ name: x.name, value: x.value, datasetVersionId: x.datasetVersionId ?? null })),
        riskTier: input.riskTier,
        status: LifecycleStatus.DRAFT,
        submittedBy: null,
        approvedBy: null,
        createdBy: actor.principalId,
      });
      if (!actor.ability.can('create', subjectOf('ModelVersion', { ...version, ownerId: model.ownerId }))) throw AttestError.forbidden();
      const training = input.trainingDatasetVersionIds ?? [];
      const evaluation = input.evaluationDatasetVersionIds ?? [];
      await assertAllExist(m, 'dataset_versions', training, 'trainingDatasetVersionIds');
      await assertAllExist(m, 'dataset_versions', evaluation, 'evaluationDatasetVersionIds');
      const metricDatasets = version.metrics.flatMap((x) => (x.datasetVersionId ? [x.datasetVersionId] : []));
      await assertAllExist(m, 'dataset_versions', metricDatasets, 'metrics.datasetVersionId');

      const saved = await m.save(version);
      const links = [
        ...[...new Set(training)].map((id) => ({ datasetVersionId: id, purpose: DatasetPurpose.TRAINING })),
        ...[...new Set(evaluation)].map((id) => ({ datasetVersionId: id, purpose: DatasetPurpose.EVALUATION })),
      ].map((l) => m.create(ModelVersionDatasetEntity, { ...l, tenantId: actor.tenantId, modelVersionId: saved.id }));
      if (links.length > 0) await m.insert(ModelVersionDatasetEntity, links);
      await recordAudit(m, actor, {
        action: 'model_version.registered',
        subjectType: 'ModelVersion',
        subjectId: saved.id,
        after: { ...auditSnapshot(saved), trainingDatasetVersionIds: training, evaluationDatasetVersionIds: evaluation },
      });
      return saved;
    });
  }

  transition(actor: AuthenticatedPrincipal, args: TransitionArgs): Promise<ModelVersionEntity> {
    return this.lifecycle.transitionById(actor, 'ModelVersion', ModelVersionEntity, args, async (m, v) => ({
      ownerId: (await m.findOneByOrFail(ModelEntity, { id: v.modelId })).ownerId,
      facts: await modelVersionFacts(m, v),
    }));
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<ModelVersionEntity> {
    return findReadable(this.db, actor, MODEL_VERSIONS, id);
  }

  /** Batch loads for DataLoaders, filtered in SQL by the actor's read rules. */
  versionsOfModels(actor: AuthenticatedPrincipal, modelIds: readonly string[]): Promise<ModelVersionEntity[]> {
    return loadReadable(this.db, actor, MODEL_VERSIONS, modelIds, 'model_id');
  }

  loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<ModelVersionEntity[]> {
    return loadReadable(this.db, actor, MODEL_VERSIONS, ids);
  }

  /** The dataset versions each model version was trained or evaluated on. */
  datasetsOf(
    actor: AuthenticatedPrincipal,
    versionIds: readonly string[],
    purpose: DatasetPurpose,
  ): Promise<Linked<DatasetVersionEntity>[]> {
    const link = { table: 'model_version_datasets', from: 'model_version_id', to: 'dataset_version_id', where: { purpose } };
    return this.db.transaction(actor.tenantId, (m) => linkedRows(m, actor, link, versionIds, DATASET_VERSIONS));
  }
}

import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { In } from 'typeorm';
import type { RegisterModelVersionInput } from './dto/register-model-version.input';
import type { TransitionArgs } from './dto/transition.args';
import { DatasetVersionEntity } from './entities/dataset-version.entity';
import { LifecycleTransitionEntity } from './entities/lifecycle-transition.entity';
import { ModelVersionDatasetEntity } from './entities/model-version-dataset.entity';
import { ModelVersionEntity } from './entities/model-version.entity';
import { ModelEntity } from './entities/model.entity';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { DatasetPurpose, LifecycleStatus } from './registry.enums';
import { assertAllExist } from './registry-checks';

@Injectable()
export class ModelVersionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly lifecycle: LifecycleService,
  ) {}

  register(actor: AuthenticatedPrincipal, input: RegisterModelVersionInput): Promise<ModelVersionEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const model = await m.findOneBy(ModelEntity, { id: input.modelId });
      if (!model) throw AttestError.notFound('Model', input.modelId);
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
        status: LifecycleStatus.draft,
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
        ...[...new Set(training)].map((id) => ({ datasetVersionId: id, purpose: DatasetPurpose.training })),
        ...[...new Set(evaluation)].map((id) => ({ datasetVersionId: id, purpose: DatasetPurpose.evaluation })),
      ].map((l) => m.create(ModelVersionDatasetEntity, { ...l, tenantId: actor.tenantId, modelVersionId: saved.id }));
      if (links.length > 0) await m.insert(ModelVersionDatasetEntity, links);
      await recordAudit(m, actor, {
        action: 'model_version.registered',
        subjectType: 'ModelVersion',
        subjectId: saved.id,
        after: { ...snapshot(saved), trainingDatasetVersionIds: training, evaluationDatasetVersionIds: evaluation },
      });
      return saved;
    });
  }

  transition(actor: AuthenticatedPrincipal, args: TransitionArgs): Promise<ModelVersionEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const version = await m.findOne(ModelVersionEntity, { where: { id: args.id }, lock: { mode: 'pessimistic_write' } });
      if (!version) throw AttestError.notFound('ModelVersion', args.id);
      const model = await m.findOneByOrFail(ModelEntity, { id: version.modelId });
      return this.lifecycle.transition(m, actor, 'ModelVersion', ModelVersionEntity, version, model.ownerId, args.to, args.rationale);
    });
  }

  async get(actor: AuthenticatedPrincipal, id: string): Promise<ModelVersionEntity> {
    const version = await this.db.transaction(actor.tenantId, (m) => m.findOneBy(ModelVersionEntity, { id }));
    if (!version || !actor.ability.can('read', subjectOf('ModelVersion', version))) throw AttestError.notFound('ModelVersion', id);
    return version;
  }

  /** Batch loads for DataLoaders. Reads are checked on the subject type: versions have no row conditions. */
  async versionsOfModels(actor: AuthenticatedPrincipal, modelIds: readonly string[]): Promise<ModelVersionEntity[]> {
    if (!actor.ability.can('read', 'ModelVersion')) return [];
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(ModelVersionEntity, { where: { modelId: In([...modelIds]) }, order: { createdAt: 'DESC', id: 'DESC' } }),
    );
  }

  async loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<ModelVersionEntity[]> {
    if (!actor.ability.can('read', 'ModelVersion')) return [];
    return this.db.transaction(actor.tenantId, (m) => m.findBy(ModelVersionEntity, { id: In([...ids]) }));
  }

  async datasetsOf(
    actor: AuthenticatedPrincipal,
    versionIds: readonly string[],
    purpose: DatasetPurpose,
  ): Promise<(DatasetVersionEntity & { modelVersionId: string })[]> {
    if (!actor.ability.can('read', 'DatasetVersion')) return [];
    return this.db.transaction(actor.tenantId, async (m) => {
      const links = await m.findBy(ModelVersionDatasetEntity, { modelVersionId: In([...versionIds]), purpose });
      if (links.length === 0) return [];
      const datasets = await m.findBy(DatasetVersionEntity, { id: In([...new Set(links.map((l) => l.datasetVersionId))]) });
      const byId = new Map(datasets.map((d) => [d.id, d]));
      return links.flatMap((l) => (byId.has(l.datasetVersionId) ? [{ ...byId.get(l.datasetVersionId)!, modelVersionId: l.modelVersionId }] : []));
    });
  }

  async transitionsOf(actor: AuthenticatedPrincipal, subjectIds: readonly string[]): Promise<LifecycleTransitionEntity[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(LifecycleTransitionEntity, { where: { subjectId: In([...subjectIds]) }, order: { at: 'ASC' } }),
    );
  }
}

function snapshot(v: ModelVersionEntity): Record<string, unknown> {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
}

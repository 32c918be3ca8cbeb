import { Inject, Injectable, Optional } from '@nestjs/common';
import { AttestError, POLICY_CHECK, recordAudit, TenantDb, type PolicyCheck } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { auditSnapshot } from './audit-snapshot';
import type { RegisterDatasetVersionInput } from './dto/register-dataset-version.input';
import { DatasetVersionEntity } from './entities/dataset-version.entity';
import { DatasetEntity } from './entities/dataset.entity';
import type { ModelVersionEntity } from './entities/model-version.entity';
import { findReadable, loadReadable } from './registry-access';
import { findOrNotFound } from './registry-checks';
import { linkedRows, type Linked } from './registry-links';
import { DATASET_VERSIONS, MODEL_VERSIONS } from './registry-tables';

@Injectable()
export class DatasetVersionsService {
  constructor(
    private readonly db: TenantDb,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
  ) {}

  register(actor: AuthenticatedPrincipal, input: RegisterDatasetVersionInput): Promise<DatasetVersionEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const dataset = await findOrNotFound(m, DatasetEntity, 'Dataset', input.datasetId);
      const version = m.create(DatasetVersionEntity, {
        tenantId: actor.tenantId,
        datasetId: dataset.id,
        version: input.version,
        sourceUri: input.sourceUri,
        digest: input.digest,
        schema: input.schema ?? null,
        piiClasses: input.piiClasses,
        provenance: input.provenance ?? null,
        licence: input.licence ?? null,
        createdBy: actor.principalId,
      });
      if (!actor.ability.can('create', subjectOf('DatasetVersion', { ...version, ownerId: dataset.ownerId })))
        throw AttestError.forbidden();
      if (version.piiClasses.includes('none') && version.piiClasses.length > 1) {
        throw AttestError.validation('piiClasses: "none" cannot be combined with other classes', { field: 'piiClasses' });
      }
      const verdict = await this.policy?.check(m, actor, 'dataset.register', {
        datasetVersions: [{ piiClasses: version.piiClasses, provenance: version.provenance }],
      });
      const saved = await m.save(version);
      await recordAudit(m, actor, {
        action: 'dataset_version.registered',
        subjectType: 'DatasetVersion',
        subjectId: saved.id,
        after: { ...auditSnapshot(saved), ...(verdict ? { policy: verdict } : {}) },
      });
      return saved;
    });
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<DatasetVersionEntity> {
    return findReadable(this.db, actor, DATASET_VERSIONS, id);
  }

  /** Batch loads for DataLoaders, filtered in SQL by the actor's read rules. */
  versionsOfDatasets(actor: AuthenticatedPrincipal, datasetIds: readonly string[]): Promise<DatasetVersionEntity[]> {
    return loadReadable(this.db, actor, DATASET_VERSIONS, datasetIds, 'dataset_id');
  }

  /** The model versions trained or evaluated on each dataset version (lineage seen from the data). */
  modelVersionsUsing(actor: AuthenticatedPrincipal, datasetVersionIds: readonly string[]): Promise<Linked<ModelVersionEntity>[]> {
    const link = { table: 'model_version_datasets', from: 'dataset_version_id', to: 'model_version_id' };
    return this.db.transaction(actor.tenantId, (m) => linkedRows(m, actor, link, datasetVersionIds, MODEL_VERSIONS));
  }
}

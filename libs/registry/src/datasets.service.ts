import { Injectable } from '@nestjs/common';
import { TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { DatasetsArgs } from './dto/datasets.args';
import type { RegisterDatasetInput } from './dto/register-dataset.input';
import { DatasetEntity } from './entities/dataset.entity';
import { findReadable, loadReadable, readable } from './registry-access';
import { entryFields, pageOfEntries, registerEntry, whereEntryMatches } from './registry-entries';
import { DATASETS } from './registry-tables';

@Injectable()
export class DatasetsService {
  constructor(private readonly db: TenantDb) {}

  register(actor: AuthenticatedPrincipal, input: RegisterDatasetInput): Promise<DatasetEntity> {
    return registerEntry(this.db, actor, 'Dataset', DatasetEntity, entryFields(actor, input), 'dataset.registered');
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<DatasetEntity> {
    return findReadable(this.db, actor, DATASETS, id);
  }

  list(actor: AuthenticatedPrincipal, args: DatasetsArgs): Promise<Connection<DatasetEntity>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const f = args.filter ?? {};
      const query = whereEntryMatches(readable(m, actor, DATASETS), f);
      if (f.piiClass) {
        query.andWhere('EXISTS (SELECT 1 FROM dataset_versions v WHERE v.dataset_id = dataset.id AND :piiClass = ANY(v.pii_classes))', {
          piiClass: f.piiClass,
        });
      }
      return pageOfEntries(query, args);
    });
  }

  /** Batch load for DataLoader: the datasets the actor may read, by id. */
  loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<DatasetEntity[]> {
    return loadReadable(this.db, actor, DATASETS, ids);
  }
}

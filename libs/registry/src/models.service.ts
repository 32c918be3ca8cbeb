import { Injectable } from '@nestjs/common';
import { TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { ModelsArgs } from './dto/models.args';
import type { RegisterModelInput } from './dto/register-model.input';
import { ModelEntity } from './entities/model.entity';
import { findReadable, loadReadable, readable } from './registry-access';
import { entryFields, pageOfEntries, registerEntry, whereEntryMatches } from './registry-entries';
import { MODELS } from './registry-tables';

@Injectable()
export class ModelsService {
  constructor(private readonly db: TenantDb) {}

  register(actor: AuthenticatedPrincipal, input: RegisterModelInput): Promise<ModelEntity> {
    return registerEntry(this.db, actor, 'Model', ModelEntity, entryFields(actor, input), 'model.registered');
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<ModelEntity> {
    return findReadable(this.db, actor, MODELS, id);
  }

  list(actor: AuthenticatedPrincipal, args: ModelsArgs): Promise<Connection<ModelEntity>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const f = args.filter ?? {};
      const query = whereEntryMatches(readable(m, actor, MODELS), f);
      if (f.status || f.riskTier) {
        query.andWhere(
          `EXISTS (SELECT 1 FROM model_versions v WHERE v.model_id = model.id
             AND (CAST(:status AS text) IS NULL OR v.status = :status)
             AND (CAST(:riskTier AS text) IS NULL OR v.risk_tier = :riskTier))`,
          { status: f.status ?? null, riskTier: f.riskTier ?? null },
        );
      }
      return pageOfEntries(query, args);
    });
  }

  /** Batch load for DataLoader: the models the actor may read, by id. */
  loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<ModelEntity[]> {
    return loadReadable(this.db, actor, MODELS, ids);
  }
}

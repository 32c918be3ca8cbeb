import { Injectable } from '@nestjs/common';
import { AttestError, containsPattern, paginate, recordAudit, TenantDb, type Connection } from '@attest/core';
import { accessibleWhere, subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { In } from 'typeorm';
import type { ModelsArgs } from './dto/models.args';
import type { RegisterModelInput } from './dto/register-model.input';
import { ModelEntity } from './entities/model.entity';
import { assertPrincipalExists } from './registry-checks';

const MODEL_COLUMNS = { id: 'id', tenantId: 'tenant_id', ownerId: 'owner_id', name: 'name' };

@Injectable()
export class ModelsService {
  constructor(private readonly db: TenantDb) {}

  register(actor: AuthenticatedPrincipal, input: RegisterModelInput): Promise<ModelEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const model = m.create(ModelEntity, {
        tenantId: actor.tenantId,
        name: input.name,
        description: input.description ?? null,
        ownerId: input.ownerId ?? actor.principalId,
      });
      if (!actor.ability.can('create', subjectOf('Model', model))) throw AttestError.forbidden();
      await assertPrincipalExists(m, model.ownerId, 'ownerId');
      const saved = await m.save(model);
      await recordAudit(m, actor, { action: 'model.registered', subjectType: 'Model', subjectId: saved.id, after: snapshot(saved) });
      return saved;
    });
  }

  async get(actor: AuthenticatedPrincipal, id: string): Promise<ModelEntity> {
    const model = await this.db.transaction(actor.tenantId, (m) => m.findOneBy(ModelEntity, { id }));
    if (!model || !actor.ability.can('read', subjectOf('Model', model))) throw AttestError.notFound('Model', id);
    return model;
  }

  list(actor: AuthenticatedPrincipal, args: ModelsArgs): Promise<Connection<ModelEntity>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const acl = accessibleWhere(actor.ability, 'read', 'Model', 'model', MODEL_COLUMNS);
      const query = m.createQueryBuilder(ModelEntity, 'model').where(acl.sql, acl.params);
      const f = args.filter ?? {};
      if (f.ownerId) query.andWhere('model.owner_id = :ownerId', { ownerId: f.ownerId });
      if (f.search) query.andWhere('model.name ILIKE :search', { search: containsPattern(f.search) });
      if (f.status || f.riskTier) {
        query.andWhere(
          `EXISTS (SELECT 1 FROM model_versions v WHERE v.model_id = model.id
             AND (CAST(:status AS text) IS NULL OR v.status = :status)
             AND (CAST(:riskTier AS text) IS NULL OR v.risk_tier = :riskTier))`,
          { status: f.status ?? null, riskTier: f.riskTier ?? null },
        );
      }
      return paginate(query, args, (row) => row);
    });
  }

  /** Batch load for DataLoader: the models the actor may read, by id. */
  async loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<ModelEntity[]> {
    const rows = await this.db.transaction(actor.tenantId, (m) => m.findBy(ModelEntity, { id: In([...ids]) }));
    return rows.filter((row) => actor.ability.can('read', subjectOf('Model', row)));
  }
}

function snapshot(model: ModelEntity): Record<string, unknown> {
  return { id: model.id, name: model.name, description: model.description, ownerId: model.ownerId };
}

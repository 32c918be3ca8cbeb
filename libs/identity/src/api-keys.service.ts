import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { subjectOf } from './access/ability.factory';
import { generateApiKey } from './auth/api-key.codec';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import type { IssueApiKeyInput } from './dto/issue-api-key.input';
import { ApiKeyEntity } from './entities/api-key.entity';
import { PrincipalEntity } from './entities/principal.entity';

@Injectable()
export class ApiKeysService {
  constructor(private readonly db: TenantDb) {}

  async issue(actor: AuthenticatedPrincipal, input: IssueApiKeyInput): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw AttestError.validation('expiresAt must be in the future', { field: 'expiresAt' });
    }
    return this.db.transaction(actor.tenantId, async (m) => {
      const principal = await m.findOneBy(PrincipalEntity, { id: input.principalId });
      if (!principal) throw AttestError.notFound('Principal', input.principalId);
      const generated = generateApiKey();
      const apiKey = await storeApiKey(
        m,
        {
          tenantId: actor.tenantId,
          principalId: principal.id,
          name: input.name,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          expiresAt: input.expiresAt ?? null,
          createdBy: actor.principalId,
        },
        actor,
      );
      return { apiKey, secret: generated.key };
    });
  }

  async revoke(actor: AuthenticatedPrincipal, id: string): Promise<ApiKeyEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const key = await m.findOneBy(ApiKeyEntity, { id });
      if (!key) throw AttestError.notFound('ApiKey', id);
      if (!actor.ability.can('revoke', subjectOf('ApiKey', key))) throw AttestError.forbidden();
      if (key.revokedAt) throw AttestError.conflict('The API key is already revoked');
      const before = snapshot(key);
      key.revokedAt = new Date();
      await m.update(ApiKeyEntity, { id }, { revokedAt: () => 'now()' });
      await recordAudit(m, actor, { action: 'api_key.revoked', subjectType: 'ApiKey', subjectId: id, before, after: snapshot(key) });
      return key;
    });
  }

  async list(actor: AuthenticatedPrincipal, principalId?: string): Promise<ApiKeyEntity[]> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const keys = await m.find(ApiKeyEntity, { where: principalId ? { principalId } : {}, order: { createdAt: 'DESC' }, take: 500 });
      return keys.filter((k) => actor.ability.can('read', subjectOf('ApiKey', k)));
    });
  }
}

/** Inserts a key (hash only) with its audit event; shared by issuing and the tenant bootstrap. */
export async function storeApiKey(
  m: EntityManager,
  values: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
  actor: AuthenticatedPrincipal | { tenantId: string; principalId: string; correlationId: string; ability?: undefined },
): Promise<ApiKeyEntity> {
  const apiKey = m.create(ApiKeyEntity, { ...values, lastUsedAt: null, revokedAt: null });
  if (actor.ability && !actor.ability.can('create', subjectOf('ApiKey', apiKey))) throw AttestError.forbidden();
  const saved = await m.save(apiKey);
  await recordAudit(m, actor, { action: 'api_key.issued', subjectType: 'ApiKey', subjectId: saved.id, after: snapshot(saved) });
  return saved;
}

function snapshot(key: ApiKeyEntity): Record<string, unknown> {
  return {
    id: key.id,
    principalId: key.principalId,
    name: key.name,
    prefix: key.prefix,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  };
}

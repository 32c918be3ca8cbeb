import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import { storeApiKey } from './api-keys.service';
import { apiKeyFromOperator, generateApiKey } from './auth/api-key.codec';
import { PrincipalKind, Role } from './access/vocabulary';
import { PrincipalEntity } from './entities/principal.entity';
import { RoleBindingEntity } from './entities/role-binding.entity';
import { TenantEntity } from './entities/tenant.entity';

export interface NewTenant {
  tenant: TenantEntity;
  admin: PrincipalEntity;
  /** The admin's API key, to show once. */
  apiKey: string;
}

/**
 * Creates tenants with their first admin. Not a GraphQL operation: tenants are created by the
 * operator (first start, `attest seed`, `attest tenant create`), never by a tenant's own users.
 */
@Injectable()
export class TenantsService {
  constructor(private readonly db: TenantDb) {}

  async createTenant(input: { name: string; slug: string; adminName?: string; apiKey?: string }): Promise<NewTenant> {
    const tenantId = randomUUID();
    return this.db.transaction(tenantId, async (m) => {
      const tenant = await m.save(m.create(TenantEntity, { id: tenantId, name: input.name, slug: input.slug }));
      const admin = await m.save(
        m.create(PrincipalEntity, { tenantId, kind: PrincipalKind.HUMAN, name: input.adminName ?? 'admin', email: null }),
      );
      const actor = { tenantId, principalId: admin.id, correlationId: `bootstrap-${tenantId}` };
      await recordAudit(m, actor, { action: 'tenant.created', subjectType: 'Tenant', subjectId: tenantId, after: { ...tenant } });
      await recordAudit(m, actor, {
        action: 'principal.created',
        subjectType: 'Principal',
        subjectId: admin.id,
        after: { id: admin.id, kind: admin.kind, name: admin.name },
      });
      const binding = await m.save(
        m.create(RoleBindingEntity, { tenantId, principalId: admin.id, role: Role.ADMIN, automationId: null, createdBy: admin.id }),
      );
      await recordAudit(m, actor, {
        action: 'role.bound',
        subjectType: 'RoleBinding',
        subjectId: binding.id,
        after: { principalId: admin.id, role: Role.ADMIN },
      });
      const key = input.apiKey ? apiKeyFromOperator(input.apiKey) : generateApiKey();
      await storeApiKey(
        m,
        {
          tenantId,
          principalId: admin.id,
          name: 'bootstrap admin key',
          prefix: key.prefix,
          secretHash: key.secretHash,
          expiresAt: null,
          createdBy: admin.id,
        },
        actor,
      );
      return { tenant, admin, apiKey: key.key };
    });
  }

  async get(tenantId: string): Promise<TenantEntity> {
    const tenant = await this.db.transaction(tenantId, (m) => m.findOneBy(TenantEntity, { id: tenantId }));
    if (!tenant) throw AttestError.notFound('Tenant', tenantId);
    return tenant;
  }

  async countTenants(): Promise<number> {
    const [row] = await this.db.unscoped<{ count: string }>('SELECT attest_tenant_count() AS count');
    return Number(row.count);
  }
}

import { Injectable } from '@nestjs/common';
import { AttestError, containsPattern, paginate, recordAudit, TenantDb, type Connection } from '@attest/core';
import { In } from 'typeorm';
import { accessibleWhere } from './access/accessible-where';
import { subjectOf } from './access/ability.factory';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import type { CreatePrincipalInput } from './dto/create-principal.input';
import type { PrincipalsArgs } from './dto/principals.args';
import { PrincipalEntity } from './entities/principal.entity';
import { RoleBindingEntity } from './entities/role-binding.entity';
import type { PrincipalModel } from './models/principal.model';

const PRINCIPAL_COLUMNS = { id: 'id', tenantId: 'tenant_id', kind: 'kind', name: 'name' };

@Injectable()
export class PrincipalsService {
  constructor(private readonly db: TenantDb) {}

  async create(actor: AuthenticatedPrincipal, input: CreatePrincipalInput): Promise<PrincipalModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const principal = m.create(PrincipalEntity, {
        tenantId: actor.tenantId,
        kind: input.kind,
        name: input.name,
        email: input.email ?? null,
      });
      if (!actor.ability.can('create', subjectOf('Principal', principal))) throw AttestError.forbidden();
      const saved = await m.save(principal);
      await recordAudit(m, actor, { action: 'principal.created', subjectType: 'Principal', subjectId: saved.id, after: snapshot(saved) });
      return saved;
    });
  }

  /** Every principal may see itself, whatever its role may read of others. */
  async me(actor: AuthenticatedPrincipal): Promise<PrincipalModel> {
    const principal = await this.db.transaction(actor.tenantId, (m) => m.findOneBy(PrincipalEntity, { id: actor.principalId }));
    if (!principal) throw AttestError.notFound('Principal', actor.principalId);
    return principal;
  }

  async get(actor: AuthenticatedPrincipal, id: string): Promise<PrincipalModel> {
    const principal = await this.db.transaction(actor.tenantId, (m) => m.findOneBy(PrincipalEntity, { id }));
    if (!principal || !actor.ability.can('read', subjectOf('Principal', principal))) throw AttestError.notFound('Principal', id);
    return principal;
  }

  async list(actor: AuthenticatedPrincipal, args: PrincipalsArgs): Promise<Connection<PrincipalModel>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const acl = accessibleWhere(actor.ability, 'read', 'Principal', 'p', PRINCIPAL_COLUMNS);
      const query = m.createQueryBuilder(PrincipalEntity, 'p').where(acl.sql, acl.params);
      const filter = args.filter;
      if (filter?.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
      if (filter?.search) query.andWhere('p.name ILIKE :search', { search: containsPattern(filter.search) });
      if (filter?.role) {
        query.andWhere('EXISTS (SELECT 1 FROM role_bindings rb WHERE rb.principal_id = p.id AND rb.role = :role)', { role: filter.role });
      }
      return paginate(query, args, (p) => p);
    });
  }

  /** Batch load for DataLoader: principals the actor may read, by id. */
  async loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<PrincipalModel[]> {
    const rows = await this.db.transaction(actor.tenantId, (m) => m.findBy(PrincipalEntity, { id: In([...ids]) }));
    return rows.filter((p) => actor.ability.can('read', subjectOf('Principal', p)));
  }

  /** Role bindings of these principals: all of them for roles that may read bindings, else only one's own. */
  async bindingsOf(actor: AuthenticatedPrincipal, principalIds: readonly string[]): Promise<RoleBindingEntity[]> {
    const visible = actor.ability.can('read', 'RoleBinding') ? [...principalIds] : principalIds.filter((id) => id === actor.principalId);
    if (visible.length === 0) return [];
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(RoleBindingEntity, { where: { principalId: In(visible) }, order: { createdAt: 'ASC' } }),
    );
  }
}

export function snapshot(principal: PrincipalEntity): Record<string, unknown> {
  return { id: principal.id, kind: principal.kind, name: principal.name, email: principal.email, disabledAt: principal.disabledAt };
}

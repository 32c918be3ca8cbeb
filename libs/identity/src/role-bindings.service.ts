import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import { subjectOf } from './access/ability.factory';
import { PrincipalKind, Role } from './access/vocabulary';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import type { BindRoleInput } from './dto/bind-role.input';
import { PrincipalEntity } from './entities/principal.entity';
import { RoleBindingEntity } from './entities/role-binding.entity';

@Injectable()
export class RoleBindingsService {
  constructor(private readonly db: TenantDb) {}

  async bind(actor: AuthenticatedPrincipal, input: BindRoleInput): Promise<RoleBindingEntity> {
    const isService = input.role === Role.SERVICE;
    if (isService !== Boolean(input.automationId)) {
      throw AttestError.validation('automationId is required for the service role and only for it', { field: 'automationId' });
    }
    return this.db.transaction(actor.tenantId, async (m) => {
      const principal = await m.findOneBy(PrincipalEntity, { id: input.principalId });
      if (!principal) throw AttestError.notFound('Principal', input.principalId);
      if (isService && principal.kind !== PrincipalKind.SERVICE) {
        throw AttestError.validation('Only service principals can hold the service role', { field: 'role' });
      }
      const binding = m.create(RoleBindingEntity, {
        tenantId: actor.tenantId,
        principalId: input.principalId,
        role: input.role,
        automationId: input.automationId ?? null,
        createdBy: actor.principalId,
      });
      if (!actor.ability.can('create', subjectOf('RoleBinding', binding))) throw AttestError.forbidden();
      const saved = await m.save(binding);
      await recordAudit(m, actor, { action: 'role.bound', subjectType: 'RoleBinding', subjectId: saved.id, after: snapshot(saved) });
      return saved;
    });
  }

  async unbind(actor: AuthenticatedPrincipal, id: string): Promise<RoleBindingEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const binding = await m.findOneBy(RoleBindingEntity, { id });
      if (!binding) throw AttestError.notFound('RoleBinding', id);
      if (!actor.ability.can('update', subjectOf('RoleBinding', binding))) throw AttestError.forbidden();
      if (binding.role === Role.ADMIN) {
        // Serialise concurrent unbinds of admins so that two of them cannot both remove "another" admin.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('attest.admins.' || $1))`, [actor.tenantId]);
        const admins = await m.countBy(RoleBindingEntity, { role: Role.ADMIN });
        if (admins <= 1) throw AttestError.conflict('The last admin of a tenant cannot be unbound');
      }
      await m.delete(RoleBindingEntity, { id });
      await recordAudit(m, actor, { action: 'role.unbound', subjectType: 'RoleBinding', subjectId: id, before: snapshot(binding) });
      return binding;
    });
  }
}

function snapshot(binding: RoleBindingEntity): Record<string, unknown> {
  return { id: binding.id, principalId: binding.principalId, role: binding.role, automationId: binding.automationId };
}

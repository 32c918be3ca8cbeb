import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, recordAudit, TenantDb, type AttestConfig, type RequestActor } from '@attest/core';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { PrincipalKind, Role, ROLES } from '../access/vocabulary';
import { PrincipalEntity } from '../entities/principal.entity';
import { RoleBindingEntity } from '../entities/role-binding.entity';
import { snapshot } from '../principals.service';
import { SessionsService } from '../sessions/sessions.service';
import type { OidcClaims } from './oidc-client.service';
import { OidcFailure } from './oidc-failure';

/** Roles a person may get from the provider: tenant-wide ones (a service's role is bound to automations). */
export const HUMAN_ROLES = ROLES.filter((r) => r !== Role.SERVICE && r !== Role.LINEAGE_PRODUCER);
const MAX_NAME = 200;

/**
 * The provider's person as an Attest principal of the OIDC tenant, in one transaction with its
 * audit events and the new session: created on the first sign-in with the roles of the roles claim,
 * and on every later one brought in line with it (name, email, tenant-wide role bindings). A claim
 * naming no known role is refused (NO_ROLE) before anything is written.
 */
@Injectable()
export class OidcSignIn {
  constructor(
    private readonly db: TenantDb,
    private readonly sessions: SessionsService,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  /** The configured tenant's id, or undefined when no tenant has its slug. */
  async tenantId(): Promise<string | undefined> {
    const [row] = await this.db.unscoped<{ id: string | null }>('SELECT attest_tenant_by_slug($1) AS id', [this.config.oidc.tenant]);
    return row?.id ?? undefined;
  }

  /** The session token of the signed-in principal. */
  async signIn(issuer: string, claims: OidcClaims, correlationId: string): Promise<string> {
    const tenantId = await this.tenantId();
    if (!tenantId) throw new OidcFailure('TENANT_UNKNOWN', `No tenant "${this.config.oidc.tenant}" (ATTEST_OIDC_TENANT)`);
    const roles = rolesFrom(claims[this.config.oidc.rolesClaim]);
    if (roles.length === 0) {
      throw new OidcFailure('NO_ROLE', `The claim ${this.config.oidc.rolesClaim} of ${claims.sub} names no Attest role`);
    }
    return this.db.transaction(tenantId, async (m) => {
      const existing = await m.findOneBy(PrincipalEntity, { oidcIssuer: issuer, oidcSubject: claims.sub });
      if (existing?.disabledAt) throw new OidcFailure('DISABLED', `The principal ${existing.id} is disabled`);
      const principal =
        existing ?? m.create(PrincipalEntity, { tenantId, kind: PrincipalKind.HUMAN, oidcIssuer: issuer, oidcSubject: claims.sub });
      const before = existing ? snapshot(existing) : null;
      principal.name = await freeName(m, displayName(claims), claims, existing?.id);
      principal.email = typeof claims.email === 'string' ? claims.email : null;
      const saved = await m.save(principal);
      const actor: RequestActor = { tenantId, principalId: saved.id, correlationId };
      if (!existing) {
        await recordAudit(m, actor, { action: 'principal.created', subjectType: 'Principal', subjectId: saved.id, after: snapshot(saved) });
      } else if (before && (before.name !== saved.name || before.email !== saved.email)) {
        await recordAudit(m, actor, {
          action: 'principal.updated',
          subjectType: 'Principal',
          subjectId: saved.id,
          before,
          after: snapshot(saved),
        });
      }
      await alignRoles(m, actor, roles);
      return this.sessions.startSession(m, actor, 'oidc');
    });
  }
}

/** The claim's values (a string, a space- or comma-separated list, or an array) that name a person's role. */
export function rolesFrom(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const named = values.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toLowerCase());
  return HUMAN_ROLES.filter((role) => named.includes(role));
}

function displayName(claims: OidcClaims): string {
  const candidates = [claims.name, claims.preferred_username, claims.email, claims.sub];
  const name = candidates.find((c): c is string => typeof c === 'string' && c.trim().length > 0) ?? claims.sub;
  return name.trim().slice(0, MAX_NAME);
}

/** Names are unique per tenant: another principal's name gets the person's email or subject beside it. */
async function freeName(m: EntityManager, wanted: string, claims: OidcClaims, selfId: string | undefined): Promise<string> {
  const qualifiers = [typeof claims.email === 'string' ? claims.email : undefined, claims.sub].filter(Boolean);
  for (const name of [wanted, ...qualifiers.map((q) => `${wanted} (${q})`.slice(0, MAX_NAME))]) {
    const taken = await m.findOneBy(PrincipalEntity, { name, ...(selfId ? { id: Not(selfId) } : {}) });
    if (!taken) return name;
  }
  return `${wanted.slice(0, 150)} (oidc ${claims.sub.slice(0, 40)})`;
}

/** The principal's tenant-wide bindings become exactly `roles`; each binding added or removed is audited. */
async function alignRoles(m: EntityManager, actor: RequestActor, roles: Role[]): Promise<void> {
  const bindings = await m.findBy(RoleBindingEntity, { principalId: actor.principalId, automationId: IsNull() });
  for (const binding of bindings.filter((b) => !roles.includes(b.role))) {
    if (binding.role === Role.ADMIN) await assertNotLastAdmin(m, actor.tenantId);
    await m.delete(RoleBindingEntity, { id: binding.id });
    await recordAudit(m, actor, {
      action: 'role.unbound',
      subjectType: 'RoleBinding',
      subjectId: binding.id,
      before: bindingSnapshot(binding),
    });
  }
  for (const role of roles.filter((r) => !bindings.some((b) => b.role === r))) {
    const binding = await m.save(
      m.create(RoleBindingEntity, {
        tenantId: actor.tenantId,
        principalId: actor.principalId,
        role,
        automationId: null,
        createdBy: actor.principalId,
      }),
    );
    await recordAudit(m, actor, {
      action: 'role.bound',
      subjectType: 'RoleBinding',
      subjectId: binding.id,
      after: bindingSnapshot(binding),
    });
  }
}

/** As unbindRole: a tenant keeps an admin, whatever a provider's claim says (serialised as there). */
async function assertNotLastAdmin(m: EntityManager, tenantId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('attest.admins.' || $1))`, [tenantId]);
  if ((await m.countBy(RoleBindingEntity, { role: Role.ADMIN })) <= 1) {
    throw new OidcFailure('LAST_ADMIN', 'The roles claim drops the last admin of the tenant: bind another admin first');
  }
}

function bindingSnapshot(binding: RoleBindingEntity): Record<string, unknown> {
  return { id: binding.id, principalId: binding.principalId, role: binding.role, automationId: binding.automationId, via: 'oidc' };
}

import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, ErrorCode, TenantDb, type AttestConfig } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { buildAbility } from '../access/ability.factory';
import { ACCESS_POLICY } from '../access/access-policy.provider';
import type { AccessPolicy } from '../access/access-policy';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { PrincipalEntity } from '../entities/principal.entity';
import { RoleBindingEntity } from '../entities/role-binding.entity';
import { lookupOf, secretMatches } from './api-key.codec';
import type { AuthenticatedPrincipal } from './authenticated-principal';
import { JWT_SECRET } from './jwt-secret';
import { looksLikeJwt, verifyJwt } from './jwt';

interface KeyRow {
  id: string;
  tenant_id: string;
  principal_id: string;
  secret_hash: string;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** Writing last_used_at on every request would turn reads into writes; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns the credentials of a request into an AuthenticatedPrincipal, or UNAUTHENTICATED. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly db: TenantDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(JWT_SECRET) private readonly jwtSecret: string | undefined,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async authenticate(headers: { authorization?: string; apiKey?: string }, correlationId: string): Promise<AuthenticatedPrincipal> {
    const token = credentialOf(headers);
    if (!token) throw new AttestError(ErrorCode.UNAUTHENTICATED, 'Send an API key as "Authorization: Bearer <key>" or "x-api-key"');
    if (looksLikeJwt(token)) return this.fromJwt(token, correlationId);
    return this.fromApiKey(token, correlationId);
  }

  private async fromJwt(token: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const claims = this.jwtSecret ? verifyJwt(token, { secret: this.jwtSecret, issuer: this.config.jwt.issuer }) : undefined;
    if (!claims) throw invalidCredentials();
    return this.db.transaction(claims.tid, (m) => this.load(m, claims.tid, claims.sub, correlationId, 'jwt'));
  }

  private async fromApiKey(token: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const { prefix, secret } = lookupOf(token);
    const [key] = await this.db.unscoped<KeyRow>('SELECT * FROM attest_find_api_key($1)', [prefix]);
    const now = Date.now();
    if (!key || !secretMatches(secret, key.secret_hash) || key.revoked_at || (key.expires_at && key.expires_at.getTime() <= now)) {
      throw invalidCredentials();
    }
    return this.db.transaction(key.tenant_id, async (m) => {
      const principal = await this.load(m, key.tenant_id, key.principal_id, correlationId, 'api_key');
      await m
        .createQueryBuilder()
        .update(ApiKeyEntity)
        .set({ lastUsedAt: () => 'now()' })
        .where('id = :id AND (last_used_at IS NULL OR last_used_at < :stale)', {
          id: key.id,
          stale: new Date(now - LAST_USED_RESOLUTION_MS),
        })
        .execute();
      return principal;
    });
  }

  private async load(
    m: EntityManager,
    tenantId: string,
    principalId: string,
    correlationId: string,
    via: AuthenticatedPrincipal['via'],
  ): Promise<AuthenticatedPrincipal> {
    const principal = await m.findOneBy(PrincipalEntity, { id: principalId });
    if (!principal || principal.disabledAt) throw invalidCredentials();
    const bindings = await m.findBy(RoleBindingEntity, { principalId });
    const roles = [...new Set(bindings.map((b) => b.role))];
    const automationIds = bindings.flatMap((b) => (b.automationId ? [b.automationId] : []));
    const ability = buildAbility(this.policy, { id: principal.id, tenantId, roles, automationIds });
    return { tenantId, principalId, correlationId, kind: principal.kind, name: principal.name, roles, automationIds, ability, via };
  }
}

function credentialOf(headers: { authorization?: string; apiKey?: string }): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return bearer?.[1] ?? (headers.apiKey?.trim() || undefined);
}

function invalidCredentials(): AttestError {
  return new AttestError(ErrorCode.UNAUTHENTICATED, 'The credentials are invalid, expired or revoked');
}

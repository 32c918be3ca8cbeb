import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, correlationIdOf, ErrorCode, prepared, TenantDb, type AttestConfig } from '@attest/core';
import type { Request } from 'express';
import { buildAbility } from '../access/ability.factory';
import { ACCESS_POLICY } from '../access/access-policy.provider';
import type { AccessPolicy } from '../access/access-policy';
import type { PrincipalKind, Role } from '../access/vocabulary';
import { lookupOf, secretMatches } from './api-key.codec';
import type { AuthenticatedPrincipal, GraphQLRequestContext } from './authenticated-principal';
import { JWT_SECRET } from './jwt-secret';
import { readCookie, SESSION_COOKIE } from '../sessions/session-cookie';
import { hashToken } from '../sessions/session-token';
import { looksLikeJwt, verifyJwt } from './jwt';

interface Grants {
  kind: PrincipalKind;
  name: string;
  disabled_at: Date | null;
  roles: Role[];
  automation_ids: string[];
}

interface KeyWithGrants extends Partial<Grants> {
  id: string;
  tenant_id: string;
  principal_id: string;
  secret_hash: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const FIND_API_KEY = prepared(
  'find_api_key',
  'SELECT k.*, g.* FROM attest_find_api_key($1) k LEFT JOIN LATERAL attest_principal_grants(k.tenant_id, k.principal_id) g ON true',
);
const PRINCIPAL_GRANTS = prepared('principal_grants', 'SELECT * FROM attest_principal_grants($1, $2)');
const FIND_SESSION = prepared(
  'find_session',
  'SELECT s.*, g.* FROM attest_find_session($1) s LEFT JOIN LATERAL attest_principal_grants(s.tenant_id, s.principal_id) g ON true',
);

interface SessionWithGrants extends Partial<Grants> {
  id: string;
  tenant_id: string;
  principal_id: string;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
}

/** What a request may authenticate with: an API key or JWT in a header, or else a session cookie. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
  session?: string;
}

/** The credentials of an HTTP request (GraphQL or a guarded REST route). */
export function credentialsOf(req: Request): Credentials {
  return {
    authorization: req.header('authorization'),
    apiKey: req.header('x-api-key'),
    session: readCookie(req.header('cookie'), SESSION_COOKIE),
  };
}

/** Writing last_used_at (last_seen_at) on every request would turn reads into writes; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns the credentials of a request into an AuthenticatedPrincipal, or UNAUTHENTICATED. One SQL
 * round trip (SECURITY DEFINER functions: the tenant is not known yet), so that authentication
 * does not dominate the cost of a request.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly db: TenantDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(JWT_SECRET) private readonly jwtSecret: string | undefined,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async authenticate(headers: Credentials, correlationId: string): Promise<AuthenticatedPrincipal> {
    const token = credentialOf(headers);
    // A header wins: a script's key is never mixed up with the browser session it may run beside.
    if (!token && headers.session) return this.fromSession(headers.session, correlationId);
    if (!token) throw new AttestError(ErrorCode.UNAUTHENTICATED, 'Send an API key as "Authorization: Bearer <key>" or "x-api-key"');
    if (looksLikeJwt(token)) return this.fromJwt(token, correlationId);
    return this.fromApiKey(token, correlationId);
  }

  /**
   * The principal of a GraphQL request, authenticated once per request: the plugin that refuses
   * anonymous operations and every guarded resolver share the one look-up.
   */
  principalOf(context: GraphQLRequestContext): Promise<AuthenticatedPrincipal> {
    context.authentication ??= this.authenticate(credentialsOf(context.req), correlationIdOf(context.req));
    return context.authentication;
  }

  /**
   * A principal as it stands now, for work done later on its behalf (a job it submitted): the same
   * grants and ability a request of it would get, or UNAUTHENTICATED if it was disabled since.
   */
  async principalFor(tenantId: string, principalId: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const [grants] = await this.db.unscopedPrepared<Grants>(PRINCIPAL_GRANTS, [tenantId, principalId]);
    return this.principal(tenantId, principalId, grants, correlationId, 'job');
  }

  private async fromJwt(token: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const { issuer, maxLifetimeSeconds } = this.config.jwt;
    const claims = this.jwtSecret ? verifyJwt(token, { secret: this.jwtSecret, issuer, maxLifetimeSeconds }) : undefined;
    if (!claims || !isUuid(claims.tid) || !isUuid(claims.sub)) throw invalidCredentials();
    const [grants] = await this.db.unscopedPrepared<Grants>(PRINCIPAL_GRANTS, [claims.tid, claims.sub]);
    // Tokens are for people signing in; a service authenticates with its API key.
    if (grants?.kind !== 'human') throw invalidCredentials();
    return this.principal(claims.tid, claims.sub, grants, correlationId, 'jwt');
  }

  private async fromApiKey(token: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const { prefix, secret } = lookupOf(token);
    const [key] = await this.db.unscopedPrepared<KeyWithGrants>(FIND_API_KEY, [prefix]);
    const now = Date.now();
    if (!key || !secretMatches(secret, key.secret_hash) || key.revoked_at || (key.expires_at && key.expires_at.getTime() <= now)) {
      throw invalidCredentials();
    }
    const principal = this.principal(key.tenant_id, key.principal_id, key.kind ? (key as Grants) : undefined, correlationId, 'api_key');
    if (!key.last_used_at || key.last_used_at.getTime() < now - LAST_USED_RESOLUTION_MS) {
      await this.db.unscoped('SELECT attest_touch_api_key($1)', [key.id]);
    }
    return principal;
  }

  /** A human's session (docs/security.md, "Sessions"): open, within its idle and absolute lifetimes. */
  private async fromSession(token: string, correlationId: string): Promise<AuthenticatedPrincipal> {
    const [session] = await this.db.unscopedPrepared<SessionWithGrants>(FIND_SESSION, [hashToken(token)]);
    const now = Date.now();
    const { idleMinutes, maxHours } = this.config.sessions;
    if (
      !session ||
      session.ended_at ||
      session.created_at.getTime() + maxHours * 3_600_000 <= now ||
      session.last_seen_at.getTime() + idleMinutes * 60_000 <= now
    ) {
      throw new AttestError(ErrorCode.UNAUTHENTICATED, 'The session has ended or expired: sign in again');
    }
    // Only people have sessions; checked again here should a principal's kind ever change.
    if (session.kind !== 'human') throw invalidCredentials();
    const principal = this.principal(session.tenant_id, session.principal_id, session as Grants, correlationId, 'session');
    if (session.last_seen_at.getTime() < now - LAST_USED_RESOLUTION_MS) {
      await this.db.unscoped('SELECT attest_touch_session($1)', [session.id]);
    }
    return principal;
  }

  private principal(
    tenantId: string,
    principalId: string,
    grants: Grants | undefined,
    correlationId: string,
    via: AuthenticatedPrincipal['via'],
  ): AuthenticatedPrincipal {
    if (!grants || grants.disabled_at) throw invalidCredentials();
    const { roles, automation_ids: automationIds } = grants;
    const ability = buildAbility(this.policy, { id: principalId, tenantId, roles, automationIds });
    return { tenantId, principalId, correlationId, kind: grants.kind, name: grants.name, roles, automationIds, ability, via };
  }
}

function credentialOf(headers: { authorization?: string; apiKey?: string }): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return bearer?.[1] ?? (headers.apiKey?.trim() || undefined);
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function invalidCredentials(): AttestError {
  return new AttestError(ErrorCode.UNAUTHENTICATED, 'The credentials are invalid, expired or revoked');
}

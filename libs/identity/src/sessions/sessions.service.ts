import { Inject, Injectable } from '@nestjs/common';
import {
  ATTEST_CONFIG,
  AttestError,
  ErrorCode,
  publicUrlOf,
  recordAudit,
  TenantDb,
  type AttestConfig,
  type AuditActor,
} from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedPrincipal } from '../auth/authenticated-principal';
import { PrincipalKind } from '../access/vocabulary';
import { PrincipalEntity } from '../entities/principal.entity';
import { SignInFailures } from './sign-in-failures';
import { generateToken, hashToken } from './session-token';

/** How long a sign-in link works (docs/security.md, "Sign-in links"). */
export const SIGN_IN_LINK_MINUTES = 15;

export interface IssuedSignInLink {
  id: string;
  principalId: string;
  /** `<public url>/sign-in/link#<token>`: the token is in the fragment, which never reaches a server log. */
  url: string;
  expiresAt: Date;
}

export type SignInMethod = 'link' | 'oidc';

/** Who issues a link without a request: the operator (`attest login-link`, the first start), audited with no actor. */
export interface OperatorActor {
  tenantId: string;
  principalId: null;
  correlationId: string;
  ability?: undefined;
}

interface FoundLink {
  id: string;
  tenant_id: string;
  principal_id: string;
  used_at: Date | null;
}

interface FoundSession {
  id: string;
  tenant_id: string;
  principal_id: string;
  ended_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refused for a reason the caller must not learn (unknown, used, expired link): one message for all. */
const LINK_REFUSED = 'This sign-in link is invalid, used or expired: ask for a new one';

/**
 * Human sign-in: one-time links, server-side sessions and sign-out. Tokens are random and stored as
 * SHA-256 hashes; each change is audited in the transaction that makes it.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly failures: SignInFailures,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  /** A link for a human principal of the actor's tenant: by an admin (issueSignInLink) or the operator. */
  async issueLink(actor: AuthenticatedPrincipal | OperatorActor, principalId: string): Promise<IssuedSignInLink> {
    // A link is a credential, as an API key is: whoever may issue keys may issue links.
    if (actor.ability && !actor.ability.can('create', 'ApiKey')) throw AttestError.forbidden();
    if (!UUID.test(principalId)) throw AttestError.notFound('Principal', principalId);
    return this.db.transaction(actor.tenantId, async (m) => {
      const principal = await m.findOneBy(PrincipalEntity, { id: principalId });
      if (!principal) throw AttestError.notFound('Principal', principalId);
      if (principal.kind !== PrincipalKind.HUMAN) {
        throw AttestError.validation('Only human principals sign in; a service authenticates with an API key', { field: 'principalId' });
      }
      if (principal.disabledAt) throw AttestError.validation('The principal is disabled', { field: 'principalId' });
      const token = generateToken();
      const [link] = await m.query<{ id: string; expires_at: Date }[]>(
        `INSERT INTO sign_in_links (tenant_id, principal_id, token_hash, created_by, expires_at)
         VALUES ($1, $2, $3, $4, clock_timestamp() + make_interval(mins => $5)) RETURNING id, expires_at`,
        [actor.tenantId, principalId, hashToken(token), actor.principalId, SIGN_IN_LINK_MINUTES],
      );
      await recordAudit(m, actor, {
        action: 'sign_in_link.issued',
        subjectType: 'SignInLink',
        subjectId: link.id,
        after: { id: link.id, principalId, expiresAt: link.expires_at },
      });
      return { id: link.id, principalId, url: `${publicUrlOf(this.config)}/sign-in/link#${token}`, expiresAt: link.expires_at };
    });
  }

  /** Consumes a link (once, atomically) and starts a session: the new session's token, for the cookie. */
  async signInWithLink(token: string, correlationId: string): Promise<string> {
    const [link] = await this.db.unscoped<FoundLink>('SELECT * FROM attest_find_sign_in_link($1)', [hashToken(token)]);
    if (!link) {
      await this.failures.record(
        undefined,
        { method: 'link', reason: 'unknown', subjectType: 'SignInLink', subjectId: 'unknown' },
        correlationId,
      );
      throw new AttestError(ErrorCode.UNAUTHENTICATED, LINK_REFUSED);
    }
    let reason: string | undefined;
    const session = await this.db.transaction(link.tenant_id, async (m) => {
      // The conditional update is the single use: of two requests with one link, one finds it unused.
      const [consumed] = await m.query<{ id: string }[]>(
        `WITH consumed AS (
           UPDATE sign_in_links SET used_at = clock_timestamp()
            WHERE id = $1 AND used_at IS NULL AND expires_at > clock_timestamp() RETURNING id)
         SELECT id FROM consumed`,
        [link.id],
      );
      if (!consumed) {
        reason = link.used_at ? 'used' : 'expired';
        return undefined;
      }
      const actor = { tenantId: link.tenant_id, principalId: link.principal_id, correlationId };
      if (!(await this.mayHaveSession(m, link.principal_id))) {
        reason = 'disabled';
        return undefined;
      }
      return this.startSession(m, actor, 'link');
    });
    if (session) return session;
    const failure = {
      method: 'link' as const,
      reason: reason ?? 'unknown',
      subjectType: 'SignInLink',
      subjectId: link.id,
      principalId: link.principal_id,
    };
    await this.failures.record(link.tenant_id, failure, correlationId);
    throw new AttestError(ErrorCode.UNAUTHENTICATED, LINK_REFUSED);
  }

  /**
   * Starts a session for a human principal in the caller's transaction (a link consumed, an OIDC
   * principal created or brought up to date), with its audit event: the new session's token.
   */
  async startSession(m: EntityManager, actor: { tenantId: string; principalId: string; correlationId: string }, method: SignInMethod) {
    const token = generateToken();
    const [session] = await m.query<{ id: string }[]>(
      `INSERT INTO sessions (tenant_id, principal_id, token_hash, method) VALUES ($1, $2, $3, $4) RETURNING id`,
      [actor.tenantId, actor.principalId, hashToken(token), method],
    );
    await recordAudit(m, actor, {
      action: 'session.signed_in',
      subjectType: 'Session',
      subjectId: session.id,
      after: { id: session.id, principalId: actor.principalId, method },
    });
    return token;
  }

  /** Ends the session of this token, if it is open; nothing to do otherwise (signing out twice is not an error). */
  async signOut(token: string, correlationId: string): Promise<void> {
    const [session] = await this.db.unscoped<FoundSession>('SELECT * FROM attest_find_session($1)', [hashToken(token)]);
    if (!session || session.ended_at) return;
    await this.db.transaction(session.tenant_id, async (m) => {
      const [ended] = await m.query<{ id: string }[]>(
        `WITH ended AS (UPDATE sessions SET ended_at = clock_timestamp() WHERE id = $1 AND ended_at IS NULL RETURNING id) SELECT id FROM ended`,
        [session.id],
      );
      if (!ended) return;
      const actor: AuditActor = { tenantId: session.tenant_id, principalId: session.principal_id, correlationId };
      await recordAudit(m, actor, {
        action: 'session.signed_out',
        subjectType: 'Session',
        subjectId: session.id,
        before: { id: session.id, principalId: session.principal_id, endedAt: null },
        after: { id: session.id, principalId: session.principal_id, endedAt: new Date() },
      });
    });
  }

  /** Only an enabled human principal may hold a session. */
  private async mayHaveSession(m: EntityManager, principalId: string): Promise<boolean> {
    const principal = await m.findOneBy(PrincipalEntity, { id: principalId });
    return principal?.kind === PrincipalKind.HUMAN && !principal.disabledAt;
  }
}

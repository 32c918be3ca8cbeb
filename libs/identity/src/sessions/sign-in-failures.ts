import { Injectable, Logger } from '@nestjs/common';
import { recordAudit, TenantDb } from '@attest/core';
import { attestMeter } from '@attest/observability';

export interface SignInFailure {
  method: 'link' | 'oidc';
  /** A stable code: unknown, used, expired, disabled (links); the OIDC error code (NO_ROLE, STATE_MISMATCH, …). */
  reason: string;
  /** What was tried: the link (SignInLink), or the provider (OidcProvider, by issuer). */
  subjectType: string;
  subjectId: string;
  principalId?: string;
}

/**
 * Failed sign-in attempts. An audit event belongs to a tenant (audit_events.tenant_id, row-level
 * security): a failure that names one (a used or expired link, any OIDC failure once the configured
 * tenant exists) is audited there, with no actor; one that names none (an unknown link) is logged as
 * a structured warning. Both are counted (attest.sign_in.failures), so that a spray of guesses shows.
 */
@Injectable()
export class SignInFailures {
  private readonly logger = new Logger('SignIn');
  private readonly failures = attestMeter('identity').createCounter('attest.sign_in.failures', {
    description: 'Failed sign-in attempts, by method, reason and whether a tenant was named',
  });

  constructor(private readonly db: TenantDb) {}

  async record(tenantId: string | undefined, failure: SignInFailure, correlationId: string): Promise<void> {
    this.failures.add(1, { method: failure.method, reason: failure.reason, attributed: tenantId !== undefined });
    const after = { method: failure.method, reason: failure.reason, principalId: failure.principalId ?? null };
    if (!tenantId) {
      this.logger.warn(JSON.stringify({ event: 'sign_in.failed', ...after, correlationId }));
      return;
    }
    await this.db.transaction(tenantId, (m) =>
      recordAudit(
        m,
        { tenantId, principalId: null, correlationId },
        { action: 'sign_in.failed', subjectType: failure.subjectType, subjectId: failure.subjectId, after },
      ),
    );
  }
}

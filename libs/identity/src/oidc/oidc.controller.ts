import { Controller, Get, Inject, Logger, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ATTEST_CONFIG, correlationIdOf, type AttestConfig } from '@attest/core';
import type { Request, Response } from 'express';
import { Public, RateLimited } from '../auth/decorators';
import { AuthErrorFilter } from '../sessions/auth-refusal';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from '../sessions/session-cookie';
import { SignInFailures } from '../sessions/sign-in-failures';
import { OidcClient } from './oidc-client.service';
import { OidcFailure } from './oidc-failure';
import { OidcSignIn } from './oidc-sign-in.service';
import {
  decodeTransaction,
  encodeTransaction,
  OIDC_TRANSACTION_COOKIE,
  OIDC_TRANSACTION_PATH,
  OIDC_TRANSACTION_SECONDS,
  safeReturnTo,
} from './oidc-transaction';

/**
 * Sign-in through the OpenID Connect provider (docs/api.md, "Signing in"): /auth/oidc/start
 * redirects the browser to the provider, /auth/oidc/callback takes it back, starts a session and
 * redirects to where the person was going. Every failure redirects to /sign-in?error=<CODE> and is
 * audited (or logged, when no tenant can hold the event).
 */
@Controller('auth/oidc')
@UseFilters(AuthErrorFilter)
export class OidcController {
  private readonly logger = new Logger('OIDC');

  constructor(
    private readonly oidc: OidcClient,
    private readonly signIn: OidcSignIn,
    private readonly failures: SignInFailures,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  @Get('start')
  @Public()
  @RateLimited('signIn')
  async start(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: unknown): Promise<void> {
    try {
      const { url, transaction } = await this.oidc.start(safeReturnTo(returnTo));
      res.setHeader(
        'set-cookie',
        setCookie(req, this.config, OIDC_TRANSACTION_COOKIE, encodeTransaction(transaction), {
          path: OIDC_TRANSACTION_PATH,
          maxAge: OIDC_TRANSACTION_SECONDS,
        }),
      );
      res.redirect(302, url.href);
    } catch (error) {
      await this.fail(req, res, error);
    }
  }

  @Get('callback')
  @Public()
  @RateLimited('signIn')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    // The transaction is good for one callback, whatever its outcome.
    const cookies = [clearCookie(req, this.config, OIDC_TRANSACTION_COOKIE, OIDC_TRANSACTION_PATH)];
    try {
      const transaction = decodeTransaction(readCookie(req.header('cookie'), OIDC_TRANSACTION_COOKIE));
      const query = new URL(req.originalUrl, 'http://callback').search;
      const params = new URLSearchParams(query);
      if (params.get('error'))
        throw new OidcFailure('IDP_ERROR', `The provider answered ${params.get('error')}: ${params.get('error_description') ?? ''}`);
      if (!transaction || params.get('state') !== transaction.state) {
        throw new OidcFailure('STATE_MISMATCH', 'The callback does not belong to a sign-in this browser started');
      }
      const claims = await this.oidc.finish(query, transaction);
      const session = await this.signIn.signIn(this.oidc.issuer, claims, correlationIdOf(req));
      cookies.push(setCookie(req, this.config, SESSION_COOKIE, session));
      res.setHeader('set-cookie', cookies);
      res.redirect(302, safeReturnTo(transaction.returnTo));
    } catch (error) {
      res.setHeader('set-cookie', cookies);
      await this.fail(req, res, error);
    }
  }

  private async fail(req: Request, res: Response, error: unknown): Promise<void> {
    const failure = error instanceof OidcFailure ? error : undefined;
    const code = failure?.code ?? 'INTERNAL';
    if (failure) this.logger.warn(`Sign-in failed (${code}): ${failure.message}`);
    else this.logger.error(error);
    try {
      const tenantId = await this.signIn.tenantId();
      const subjectId = this.config.oidc.issuer ?? 'unconfigured';
      await this.failures.record(tenantId, { method: 'oidc', reason: code, subjectType: 'OidcProvider', subjectId }, correlationIdOf(req));
    } catch (recordError) {
      this.logger.error(recordError);
    }
    res.redirect(302, `/sign-in?error=${encodeURIComponent(code)}`);
  }
}

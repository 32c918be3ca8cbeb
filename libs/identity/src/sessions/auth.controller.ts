import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, correlationIdOf, ErrorCode, type AttestConfig } from '@attest/core';
import type { Request, Response } from 'express';
import { Public, RateLimited } from '../auth/decorators';
import { AuthErrorFilter } from './auth-refusal';
import { assertSameOriginJson } from './same-origin';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/**
 * Human sign-in over HTTP (docs/api.md, "Signing in"): the options the sign-in page shows, a
 * one-time link exchanged for a session cookie, and sign-out. The OIDC routes are OidcController's.
 */
@Controller('auth')
@UseFilters(AuthErrorFilter)
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  @Get('options')
  @Public()
  options() {
    const { issuer, label } = this.config.oidc;
    return { oidc: { enabled: Boolean(issuer), label: issuer ? label : '' } };
  }

  @Post('link')
  @Public()
  @RateLimited('signIn')
  @HttpCode(204)
  async link(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameOriginJson(req, this.config);
    const token = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
      throw new AttestError(ErrorCode.VALIDATION_FAILED, 'Send {"token": "<the token after # in the link>"}');
    }
    const session = await this.sessions.signInWithLink(token, correlationIdOf(req));
    res.setHeader('set-cookie', setCookie(req, this.config, SESSION_COOKIE, session));
  }

  @Post('sign-out')
  @Public()
  @RateLimited('signIn')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameOriginJson(req, this.config);
    const session = readCookie(req.header('cookie'), SESSION_COOKIE);
    if (session) await this.sessions.signOut(session, correlationIdOf(req));
    res.setHeader('set-cookie', clearCookie(req, this.config, SESSION_COOKIE));
  }
}

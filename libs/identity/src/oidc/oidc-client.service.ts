import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ATTEST_CONFIG, oidcRedirectUrlOf, type AttestConfig } from '@attest/core';
import * as client from 'openid-client';
import { OidcFailure } from './oidc-failure';
import type { OidcTransaction } from './oidc-transaction';

export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * The relying party (openid-client): authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata is discovered at start-up without holding it up; a failed discovery is
 * logged and tried again by the next sign-in, which fails with PROVIDER_UNAVAILABLE meanwhile.
 */
@Injectable()
export class OidcClient implements OnApplicationBootstrap {
  private readonly logger = new Logger('OIDC');
  private discovered?: Promise<client.Configuration>;

  constructor(@Inject(ATTEST_CONFIG) private readonly config: AttestConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.oidc.issuer);
  }

  /** The issuer as configured: what a principal's identity is recorded against. */
  get issuer(): string {
    return this.config.oidc.issuer ?? '';
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.configuration().catch((error: unknown) => this.logger.warn((error as Error).message));
  }

  async start(returnTo: string): Promise<{ url: URL; transaction: OidcTransaction }> {
    const configuration = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const transaction = { state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidcRedirectUrlOf(this.config),
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and returns the person's claims. */
  async finish(callbackQuery: string, transaction: OidcTransaction): Promise<OidcClaims> {
    const configuration = await this.configuration();
    const currentUrl = new URL(oidcRedirectUrlOf(this.config));
    currentUrl.search = callbackQuery;
    let claims: OidcClaims;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as OidcClaims;
      accessToken = tokens.access_token;
    } catch (error) {
      throw new OidcFailure('TOKEN_REJECTED', `The provider's answer was refused: ${(error as Error).message}`);
    }
    // Providers put custom claims in the ID token or only in userinfo; ask the latter when needed.
    if (claims[this.config.oidc.rolesClaim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const userInfo = await client.fetchUserInfo(configuration, accessToken, claims.sub);
        claims = { ...userInfo, ...claims, [this.config.oidc.rolesClaim]: userInfo[this.config.oidc.rolesClaim] };
      } catch (error) {
        throw new OidcFailure('TOKEN_REJECTED', `The provider's userinfo was refused: ${(error as Error).message}`);
      }
    }
    return claims;
  }

  private configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.config.oidc;
    if (!issuer || !clientId) return Promise.reject(new OidcFailure('NOT_CONFIGURED', 'OIDC is not configured (ATTEST_OIDC_ISSUER)'));
    this.discovered ??= client
      .discovery(new URL(issuer), clientId, clientSecret, clientSecret ? undefined : client.None(), {
        // Plain http only for a provider on this machine (validated in the configuration): a test or a dev IdP.
        execute: issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new OidcFailure('PROVIDER_UNAVAILABLE', `OIDC discovery of ${issuer} failed: ${(error as Error).message}`);
      });
    return this.discovered;
  }
}

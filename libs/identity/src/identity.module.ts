import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { RateLimits } from '@attest/core';
import { AccessMatrixService } from './access/access-matrix.service';
import { AccessSettingsResolver } from './access-settings.resolver';
import { ApiKeysResolver } from './api-keys.resolver';
import { AccessGuard } from './auth/access.guard';
import { AuthenticatedOperationsPlugin } from './auth/authenticated-operations.plugin';
import { IdentityServicesModule } from './identity-services.module';
import { PrincipalsResolver } from './principals.resolver';
import { PrincipalsService } from './principals.service';
import { RoleBindingsResolver } from './role-bindings.resolver';
import { RoleBindingsService } from './role-bindings.service';
import { TenantResolver } from './tenant.resolver';
import { OidcClient } from './oidc/oidc-client.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcSignIn } from './oidc/oidc-sign-in.service';
import { AuthController } from './sessions/auth.controller';
import { SignInLinksResolver } from './sessions/sign-in-links.resolver';
import { TrustProxy } from './sessions/trust-proxy';

/** The GraphQL resolvers, also read by `attest schema` to print the schema without a database. */
export const IDENTITY_RESOLVERS = [
  PrincipalsResolver,
  RoleBindingsResolver,
  ApiKeysResolver,
  TenantResolver,
  SignInLinksResolver,
  AccessSettingsResolver,
];

/**
 * Identity's services with its GraphQL API: the resolvers, the global guard and the rate limits;
 * and human sign-in over HTTP (/auth: links, OIDC, sign-out).
 */
@Module({
  imports: [IdentityServicesModule, DiscoveryModule],
  controllers: [AuthController, OidcController],
  providers: [
    TrustProxy,
    OidcClient,
    OidcSignIn,
    // API only (the worker does not import this module): the budgets of docs/security.md, "Limits".
    RateLimits,
    { provide: APP_GUARD, useClass: AccessGuard },
    AuthenticatedOperationsPlugin,
    PrincipalsService,
    RoleBindingsService,
    AccessMatrixService,
    ...IDENTITY_RESOLVERS,
  ],
  exports: [IdentityServicesModule, PrincipalsService, AccessMatrixService],
})
export class IdentityModule {}

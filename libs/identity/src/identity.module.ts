import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ATTEST_CONFIG, RateLimits, type AttestConfig } from '@attest/core';
import { accessPolicyProvider, ACCESS_POLICY } from './access/access-policy.provider';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';
import { AccessGuard } from './auth/access.guard';
import { AuthenticatedOperationsPlugin } from './auth/authenticated-operations.plugin';
import { Authenticator } from './auth/authenticator.service';
import { JWT_SECRET, resolveJwtSecret } from './auth/jwt-secret';
import { TenantBootstrap } from './bootstrap/tenant-bootstrap.service';
import { PrincipalsResolver } from './principals.resolver';
import { PrincipalsService } from './principals.service';
import { RoleBindingsResolver } from './role-bindings.resolver';
import { RoleBindingsService } from './role-bindings.service';
import { TenantResolver } from './tenant.resolver';
import { TenantsService } from './tenants.service';

/** The GraphQL resolvers, also read by `attest schema` to print the schema without a database. */
export const IDENTITY_RESOLVERS = [PrincipalsResolver, RoleBindingsResolver, ApiKeysResolver, TenantResolver];

@Module({
  providers: [
    accessPolicyProvider,
    { provide: JWT_SECRET, inject: [ATTEST_CONFIG], useFactory: (c: AttestConfig) => resolveJwtSecret(c) },
    Authenticator,
    // API only (the worker does not import this module): the budgets of docs/security.md, "Limits".
    RateLimits,
    { provide: APP_GUARD, useClass: AccessGuard },
    AuthenticatedOperationsPlugin,
    PrincipalsService,
    RoleBindingsService,
    ApiKeysService,
    TenantsService,
    TenantBootstrap,
    ...IDENTITY_RESOLVERS,
  ],
  exports: [PrincipalsService, TenantsService, Authenticator, ACCESS_POLICY, JWT_SECRET],
})
export class IdentityModule {}

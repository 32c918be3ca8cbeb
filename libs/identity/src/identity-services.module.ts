import { Module } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { accessPolicyProvider, ACCESS_POLICY } from './access/access-policy.provider';
import { ApiKeysService } from './api-keys.service';
import { Authenticator } from './auth/authenticator.service';
import { JWT_SECRET, resolveJwtSecret } from './auth/jwt-secret';
import { TenantBootstrap } from './bootstrap/tenant-bootstrap.service';
import { TenantsService } from './tenants.service';
import { SessionsService } from './sessions/sessions.service';
import { SignInFailures } from './sessions/sign-in-failures';

/**
 * Tenants, API keys and authentication without the GraphQL API: what the operator's commands
 * (attest tenant create, key issue, login-link, principals list) need. The first start of an empty database
 * makes its `default` tenant here too, whichever process starts first.
 */
@Module({
  providers: [
    accessPolicyProvider,
    { provide: JWT_SECRET, inject: [ATTEST_CONFIG], useFactory: (c: AttestConfig) => resolveJwtSecret(c) },
    Authenticator,
    ApiKeysService,
    TenantsService,
    TenantBootstrap,
    SessionsService,
    SignInFailures,
  ],
  exports: [ApiKeysService, TenantsService, SessionsService, SignInFailures, Authenticator, ACCESS_POLICY, JWT_SECRET],
})
export class IdentityServicesModule {}

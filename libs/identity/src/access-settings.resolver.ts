import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { AccessMatrixService } from './access/access-matrix.service';
import { Can } from './auth/decorators';
import { AccessMatrixModel } from './models/access-matrix.model';
import { OidcSettingsModel } from './models/oidc-settings.model';
import { oidcSettingsOf } from './oidc/oidc-settings';

/** How access is configured (read-only): who may do what, and what a sign-in provider grants. */
@Resolver()
export class AccessSettingsResolver {
  constructor(
    private readonly matrix: AccessMatrixService,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  @Query(() => AccessMatrixModel, {
    description: 'Role × operation from the access policies this server loaded (policies/access/), as docs/security.md shows it',
  })
  @Can('read', 'RoleBinding')
  accessMatrix(): AccessMatrixModel {
    return this.matrix.matrix();
  }

  @Query(() => OidcSettingsModel, {
    description: 'OIDC sign-in as configured: issuer, client id, roles claim and the roles it maps to; never the client secret',
  })
  @Can('read', 'RoleBinding')
  oidcSettings(): OidcSettingsModel {
    return oidcSettingsOf(this.config);
  }
}

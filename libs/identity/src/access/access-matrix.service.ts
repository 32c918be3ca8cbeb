import { Inject, Injectable, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ACCESS_POLICY } from './access-policy.provider';
import type { AccessPolicy } from './access-policy';
import { accessMatrix, declaredOperations, needsOf, type DeclaredOperation } from './operation-catalogue';
import { ROLES } from './vocabulary';
import type { AccessMatrixModel } from '../models/access-matrix.model';

/**
 * Role × operation of the running server: every resolver it registered, against the access policy
 * it loaded. The same catalogue test/access-declarations checks and renders into docs/security.md.
 */
@Injectable()
export class AccessMatrixService {
  private cached?: AccessMatrixModel;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  /** Every GraphQL operation and field resolver the application registered, with its declared ability. */
  operations(): DeclaredOperation[] {
    return declaredOperations(this.resolverClasses());
  }

  /** Both inputs are fixed once the application has started: computed on first use. */
  matrix(): AccessMatrixModel {
    if (this.cached) return this.cached;
    const operations = this.operations();
    const allowed = accessMatrix(this.policy, operations);
    this.cached = {
      roles: ROLES,
      operations: operations.map((op) => ({
        operation: op.operation,
        needs: needsOf(op),
        allowedRoles: ROLES.filter((role) => allowed[op.operation][role]),
      })),
    };
    return this.cached;
  }

  private resolverClasses(): Type[] {
    const classes = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.metatype)
      .filter((metatype): metatype is Type => typeof metatype === 'function' && metatype.name.endsWith('Resolver'));
    return [...new Set(classes)];
  }
}

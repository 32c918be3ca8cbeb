import { Query, Resolver } from '@nestjs/graphql';
import { AttestError, TenantDb } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { gateFactsOf } from './lifecycle/gate-facts';
import { LifecycleGateFactsModel } from './models/lifecycle-gate-facts.model';

@Resolver(() => LifecycleGateFactsModel)
export class LifecycleGatesResolver {
  constructor(private readonly db: TenantDb) {}

  @Query(() => [LifecycleGateFactsModel], {
    description:
      'Every model and automation version in a gated status (in_review, approved, deployed) with the facts of the move into it; ' +
      'for roles that may read all model and automation versions',
    complexity: 50,
  })
  @Can('read', 'ModelVersion')
  lifecycleGateFacts(@CurrentPrincipal() actor: AuthenticatedPrincipal): Promise<LifecycleGateFactsModel[]> {
    // Both kinds of version, tenant-wide: the roles that read model versions read every one (policies/access/roles.yaml).
    if (!actor.ability.can('read', 'AutomationVersion')) throw AttestError.forbidden('You may not read automation versions');
    return this.db.transaction(actor.tenantId, (m) => gateFactsOf(m));
  }
}

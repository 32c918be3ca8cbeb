import { ResolveField, Resolver } from '@nestjs/graphql';
import { ComplianceOverviewModel } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { PolicyPackActivationModel } from './models/policy-pack-activation.model';
import { PolicyPacksService } from './policy-packs.service';

/** The policy context's part of the compliance overview. */
@Resolver(() => ComplianceOverviewModel)
export class PolicyOverviewResolver {
  constructor(private readonly packs: PolicyPacksService) {}

  @ResolveField(() => PolicyPackActivationModel, {
    nullable: true,
    description: 'The active risk-policy pack with its digest (as activePolicyPack); null before the first activation',
  })
  @Can('read', 'PolicyPack')
  activePolicyPack(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.packs.active(actor);
  }
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { ActivatePolicyPackArgs } from './dto/activate-policy-pack.args';
import { PolicyPackActivationConnection, PolicyPackActivationModel } from './models/policy-pack-activation.model';
import { PolicyPacksService } from './policy-packs.service';

@Resolver(() => PolicyPackActivationModel)
export class PolicyPacksResolver {
  constructor(private readonly service: PolicyPacksService) {}

  @Query(() => PolicyPackActivationModel, {
    nullable: true,
    description: "The tenant's active risk-policy pack (null before the first activation)",
  })
  @Can('read', 'PolicyPack')
  activePolicyPack(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.service.active(actor);
  }

  @Query(() => PolicyPackActivationConnection, {
    description: 'Every policy pack activation of the tenant, newest first: which pack judged decisions when',
    complexity: pageCost,
  })
  @Can('read', 'PolicyPack')
  policyPackActivations(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() page: PageArgs) {
    return this.service.history(actor, page);
  }

  @Query(() => [String], { description: 'Pack folders on the server that can be activated' })
  @Can('read', 'PolicyPack')
  availablePolicyPacks() {
    return this.service.available();
  }

  @Mutation(() => PolicyPackActivationModel, {
    description: "Activates a pack from the server's policies folder; it must load and pass its own tests",
  })
  @Can('activate', 'PolicyPack')
  activatePolicyPack(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: ActivatePolicyPackArgs) {
    return this.service.activate(actor, args);
  }
}

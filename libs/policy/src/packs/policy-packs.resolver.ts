import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { ActivatePolicyPackArgs } from './dto/activate-policy-pack.args';
import type { Policy } from '../policy.types';
import { PolicyPackActivationConnection, PolicyPackActivationModel, PolicyTestResultModel } from './models/policy-pack-activation.model';
import { PackTestResults } from './pack-test-results';
import { PolicyPacksService } from './policy-packs.service';

@Resolver(() => PolicyPackActivationModel)
export class PolicyPacksResolver {
  constructor(
    private readonly service: PolicyPacksService,
    private readonly tests: PackTestResults,
  ) {}

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

  @ResolveField(() => [PolicyTestResultModel], {
    description:
      "The test cases of the server's pack folder of this name, run now against the policies as activated (empty when the folder is gone)",
  })
  @Can('read', 'PolicyPack')
  packTests(@Parent() activation: PolicyPackActivationModel) {
    return this.tests.of({ name: activation.name, policies: activation.policies as unknown as Policy[] });
  }
}

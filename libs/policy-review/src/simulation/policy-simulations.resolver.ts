import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { SimulatePolicyPackInput } from './dto/simulate-policy-pack.input';
import { PolicySimulationConnection, PolicySimulationModel } from './models/policy-simulation.model';
import { PolicySimulationsService } from './policy-simulations.service';

@Resolver(() => PolicySimulationModel)
export class PolicySimulationsResolver {
  constructor(private readonly service: PolicySimulationsService) {}

  @Mutation(() => PolicySimulationModel, {
    description:
      'Replays a candidate pack against the recorded decisions and lifecycle gates, as a background job: poll policySimulation(id) for progress and the report',
  })
  @Can('create', 'PolicySimulation')
  simulatePolicyPack(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The candidate pack and which decisions to replay' }) input: SimulatePolicyPackInput,
  ) {
    return this.service.request(actor, input);
  }

  @Query(() => PolicySimulationModel, { description: "A simulation's progress, and its report once completed" })
  @Can('read', 'PolicySimulation')
  policySimulation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The simulation's id, as simulatePolicyPack returned it" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Query(() => PolicySimulationConnection, {
    description: "The tenant's policy simulations, newest first, finished or not",
    complexity: pageCost,
  })
  @Can('read', 'PolicySimulation')
  policySimulations(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() page: PageArgs) {
    return this.service.list(actor, page);
  }
}

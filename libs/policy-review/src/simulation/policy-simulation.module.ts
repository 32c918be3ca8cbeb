import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { PolicySimulationHandler } from './policy-simulation.handler';
import { PolicySimulationSweeper } from './policy-simulation.sweeper';
import { PolicySimulationsResolver } from './policy-simulations.resolver';
import { PolicySimulationsService } from './policy-simulations.service';

export const POLICY_SIMULATION_RESOLVERS = [PolicySimulationsResolver];

/** simulatePolicyPack and its job (docs/policy-review.md); needs JobsModule (global) and PolicyPacksModule (global) in the composition root. */
@Module({
  imports: [IdentityModule],
  providers: [PolicySimulationsService, PolicySimulationHandler, PolicySimulationSweeper, ...POLICY_SIMULATION_RESOLVERS],
})
export class PolicySimulationModule {}

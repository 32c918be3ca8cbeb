import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { PolicyPackPreviewResolver } from '../activation-preview/policy-pack-preview.resolver';
import { PolicyPackPreviewService } from '../activation-preview/policy-pack-preview.service';
import { PolicySimulationHandler } from './policy-simulation.handler';
import { PolicySimulationSweeper } from './policy-simulation.sweeper';
import { PolicySimulationsResolver } from './policy-simulations.resolver';
import { PolicySimulationsService } from './policy-simulations.service';

export const POLICY_SIMULATION_RESOLVERS = [PolicySimulationsResolver, PolicyPackPreviewResolver];

/** simulatePolicyPack and its job (docs/policy-review.md); needs JobsModule (global) and PolicyPacksModule (global) in the composition root. */
@Module({
  imports: [IdentityModule],
  providers: [
    PolicySimulationsService,
    PolicyPackPreviewService,
    PolicySimulationHandler,
    PolicySimulationSweeper,
    ...POLICY_SIMULATION_RESOLVERS,
  ],
})
export class PolicySimulationModule {}

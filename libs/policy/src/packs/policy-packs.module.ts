import { Global, Module } from '@nestjs/common';
import { POLICY_CHECK } from '@attest/core';
import { ActivePackPolicyCheck } from './active-pack-policy-check';
import { PolicyPackActivationEntity } from './entities/policy-pack-activation.entity';
import { PolicyPackEntity } from './entities/policy-pack.entity';
import { PackTestResults } from './pack-test-results';
import { PolicyOverviewResolver } from './policy-overview.resolver';
import { PolicyPacksResolver } from './policy-packs.resolver';
import { PolicyPacksService } from './policy-packs.service';

export const POLICY_ENTITIES = [PolicyPackEntity, PolicyPackActivationEntity];
export const POLICY_RESOLVERS = [PolicyPacksResolver, PolicyOverviewResolver];

/** Global so that other contexts' services can inject POLICY_CHECK without importing this module. */
@Global()
@Module({
  providers: [
    PolicyPacksService,
    PackTestResults,
    ActivePackPolicyCheck,
    { provide: POLICY_CHECK, useExisting: ActivePackPolicyCheck },
    ...POLICY_RESOLVERS,
  ],
  exports: [PolicyPacksService, POLICY_CHECK],
})
export class PolicyPacksModule {}

import { Module } from '@nestjs/common';
import { PolicyPackActivationEntity } from './entities/policy-pack-activation.entity';
import { PolicyPackEntity } from './entities/policy-pack.entity';
import { PolicyPacksResolver } from './policy-packs.resolver';
import { PolicyPacksService } from './policy-packs.service';

export const POLICY_ENTITIES = [PolicyPackEntity, PolicyPackActivationEntity];
export const POLICY_RESOLVERS = [PolicyPacksResolver];

@Module({ providers: [PolicyPacksService, ...POLICY_RESOLVERS], exports: [PolicyPacksService] })
export class PolicyPacksModule {}

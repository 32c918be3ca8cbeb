import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { ModelVersionsResolver } from './model-versions.resolver';
import { ModelVersionsService } from './model-versions.service';
import { ModelsResolver } from './models.resolver';
import { ModelsService } from './models.service';

@Module({
  imports: [IdentityModule],
  providers: [LifecycleService, ModelsService, ModelVersionsService, ModelsResolver, ModelVersionsResolver],
  exports: [ModelsService, ModelVersionsService, LifecycleService],
})
export class RegistryModule {}

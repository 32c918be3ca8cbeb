import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageCost, type LoaderRegistry } from '@attest/core';
import {
  Can,
  CurrentPrincipal,
  loadPrincipal,
  Loaders,
  PrincipalModel,
  PrincipalsService,
  type AuthenticatedPrincipal,
} from '@attest/identity';
import { ModelsArgs } from './dto/models.args';
import { RegisterModelInput } from './dto/register-model.input';
import { ModelVersionsService } from './model-versions.service';
import { ModelConnection, ModelModel } from './models/model.model';
import { ModelVersionModel } from './models/model-version.model';
import { ModelsService } from './models.service';
import { modelVersionsOfModelLoader } from './registry.loaders';

@Resolver(() => ModelModel)
export class ModelsResolver {
  constructor(
    private readonly service: ModelsService,
    private readonly modelVersions: ModelVersionsService,
    private readonly principals: PrincipalsService,
  ) {}

  @Query(() => ModelModel, { description: 'One model by id; NOT_FOUND when absent or not visible' })
  @Can('read', 'Model')
  model(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('id', { type: () => ID, description: "The model's id" }) id: string) {
    return this.service.get(actor, id);
  }

  @Query(() => ModelConnection, { complexity: pageCost, description: "The tenant's models, newest first" })
  @Can('read', 'Model')
  models(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: ModelsArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => ModelModel, { description: 'Registers a model (model owners and admins), without versions yet; audited' })
  @Can('create', 'Model')
  registerModel(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: "The model's name, description and owner" }) input: RegisterModelInput,
  ) {
    return this.service.register(actor, input);
  }

  @ResolveField(() => PrincipalModel, { nullable: true, description: 'Null if you may not read principals' })
  @Can('read', 'Model')
  owner(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() model: ModelModel, @Loaders() loaders: LoaderRegistry) {
    return loadPrincipal(loaders, this.principals, actor, model.ownerId);
  }

  @ResolveField(() => [ModelVersionModel], { description: "The model's versions, newest first", complexity: 10 })
  @Can('read', 'ModelVersion')
  versions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() model: ModelModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(modelVersionsOfModelLoader, actor, this.modelVersions).load(model.id);
  }
}

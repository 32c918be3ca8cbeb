import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { RegisterModelVersionInput } from './dto/register-model-version.input';
import { TransitionArgs } from './dto/transition.args';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { loadTransitions } from './lifecycle/transitions.loader';
import { ModelVersionsService } from './model-versions.service';
import { DatasetVersionModel } from './models/dataset.model';
import { LifecycleTransitionModel } from './models/lifecycle-transition.model';
import { ModelModel } from './models/model.model';
import { ModelVersionModel } from './models/model-version.model';
import { ModelsService } from './models.service';
import { DatasetPurpose } from './registry.enums';
import { groupLinked } from './registry-links';

@Resolver(() => ModelVersionModel)
export class ModelVersionsResolver {
  constructor(
    private readonly service: ModelVersionsService,
    private readonly models: ModelsService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Query(() => ModelVersionModel)
  @Can('read', 'ModelVersion')
  modelVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => ModelVersionModel, { description: 'Registers a new version in draft' })
  @Can('create', 'ModelVersion')
  registerModelVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('input') input: RegisterModelVersionInput) {
    return this.service.register(actor, input);
  }

  @Mutation(() => ModelVersionModel, {
    description: 'draft → in_review → approved → deployed → deprecated → retired; approval needs a principal other than the submitter',
  })
  @Can(['transition', 'approve'], 'ModelVersion')
  transitionModelVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: TransitionArgs) {
    return this.service.transition(actor, args);
  }

  @ResolveField(() => ModelModel, { nullable: true })
  @Can('read', 'ModelVersion')
  model(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get<string, ModelModel | null>('model.byId', async (ids) => byKeys(ids, await this.models.loadMany(actor, ids), (x) => x.id))
      .load(version.modelId);
  }

  @ResolveField(() => [DatasetVersionModel], { complexity: 10 })
  @Can('read', 'ModelVersion')
  trainingDatasets(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return this.datasets(actor, loaders, DatasetPurpose.TRAINING).load(version.id);
  }

  @ResolveField(() => [DatasetVersionModel], { complexity: 10 })
  @Can('read', 'ModelVersion')
  evaluationDatasets(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return this.datasets(actor, loaders, DatasetPurpose.EVALUATION).load(version.id);
  }

  @ResolveField(() => [LifecycleTransitionModel], { description: 'Lifecycle history, oldest first', complexity: 5 })
  @Can('read', 'ModelVersion')
  transitions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return loadTransitions(loaders, this.lifecycle, actor, version.id);
  }

  private datasets(actor: AuthenticatedPrincipal, loaders: LoaderRegistry, purpose: DatasetPurpose) {
    return loaders.get<string, DatasetVersionModel[]>(`modelVersion.datasets.${purpose}`, async (ids) =>
      groupLinked(ids, await this.service.datasetsOf(actor, ids, purpose)),
    );
  }
}

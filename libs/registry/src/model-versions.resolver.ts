import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderRegistry } from '@attest/core';
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
import { automationVersionsUsingModelVersionLoader, datasetsOfModelVersionLoaders, modelByIdLoader } from './registry.loaders';
import { AutomationVersionsService } from './automation-versions.service';
import { AutomationVersionModel } from './models/automation.model';

@Resolver(() => ModelVersionModel)
export class ModelVersionsResolver {
  constructor(
    private readonly service: ModelVersionsService,
    private readonly models: ModelsService,
    private readonly lifecycle: LifecycleService,
    private readonly automationVersions: AutomationVersionsService,
  ) {}

  @Query(() => ModelVersionModel, { description: 'One model version by id; NOT_FOUND when absent or not visible' })
  @Can('read', 'ModelVersion')
  modelVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The model version's id" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Mutation(() => ModelVersionModel, {
    description:
      "Registers a new model version in draft (its model's owner or an admin); immutable once registered except its status; audited",
  })
  @Can('create', 'ModelVersion')
  registerModelVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The model, version, artifact, metrics and datasets' }) input: RegisterModelVersionInput,
  ) {
    return this.service.register(actor, input);
  }

  @Mutation(() => ModelVersionModel, {
    description: 'DRAFT → IN_REVIEW → APPROVED → DEPLOYED → DEPRECATED → RETIRED; approval needs a principal other than the submitter',
  })
  @Can(['transition', 'approve'], 'ModelVersion')
  transitionModelVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: TransitionArgs) {
    return this.service.transition(actor, args);
  }

  @ResolveField(() => ModelModel, { nullable: true, description: 'The model it is a version of; null when the caller may not read it' })
  @Can('read', 'ModelVersion')
  model(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(modelByIdLoader, actor, this.models).load(version.modelId);
  }

  @ResolveField(() => [DatasetVersionModel], {
    complexity: 10,
    description: 'The dataset versions it was trained on; empty unless the caller may read datasets',
  })
  @Can('read', 'ModelVersion')
  trainingDatasets(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: ModelVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.datasets(actor, loaders, DatasetPurpose.TRAINING).load(version.id);
  }

  @ResolveField(() => [DatasetVersionModel], {
    complexity: 10,
    description: 'The dataset versions it was evaluated on; empty unless the caller may read datasets',
  })
  @Can('read', 'ModelVersion')
  evaluationDatasets(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: ModelVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.datasets(actor, loaders, DatasetPurpose.EVALUATION).load(version.id);
  }

  @ResolveField(() => [LifecycleTransitionModel], { description: 'Lifecycle history, oldest first', complexity: 5 })
  @Can('read', 'ModelVersion')
  transitions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: ModelVersionModel, @Loaders() loaders: LoaderRegistry) {
    return loadTransitions(loaders, this.lifecycle, actor, version.id);
  }

  @ResolveField(() => [AutomationVersionModel], {
    description: 'Automation versions that use it (what it feeds), newest first; empty unless you may read automation versions',
    complexity: 10,
  })
  @Can('read', 'ModelVersion')
  usedByAutomationVersions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: ModelVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders.get(automationVersionsUsingModelVersionLoader, actor, this.automationVersions).load(version.id);
  }

  private datasets(actor: AuthenticatedPrincipal, loaders: LoaderRegistry, purpose: DatasetPurpose) {
    return loaders.get(datasetsOfModelVersionLoaders[purpose], actor, this.service);
  }
}

import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { AutomationVersionsService } from './automation-versions.service';
import { AutomationsService } from './automations.service';
import { RegisterAutomationVersionInput } from './dto/register-automation-version.input';
import { TransitionArgs } from './dto/transition.args';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { loadTransitions } from './lifecycle/transitions.loader';
import { AutomationModel, AutomationVersionModel } from './models/automation.model';
import { LifecycleTransitionModel } from './models/lifecycle-transition.model';
import { ModelVersionModel } from './models/model-version.model';
import { automationByIdLoader, modelVersionsOfAutomationVersionLoader } from './registry.loaders';

@Resolver(() => AutomationVersionModel)
export class AutomationVersionsResolver {
  constructor(
    private readonly service: AutomationVersionsService,
    private readonly automations: AutomationsService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Query(() => AutomationVersionModel, { description: 'One automation version by id; NOT_FOUND when absent or not visible' })
  @Can('read', 'AutomationVersion')
  automationVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The automation version's id" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Mutation(() => AutomationVersionModel, { description: 'Registers a new version in draft, with the model versions it uses' })
  @Can('create', 'AutomationVersion')
  registerAutomationVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The automation, version, purpose, risk class, oversight and model versions' })
    input: RegisterAutomationVersionInput,
  ) {
    return this.service.register(actor, input);
  }

  @Mutation(() => AutomationVersionModel, {
    description: 'DRAFT → IN_REVIEW → APPROVED → DEPLOYED → DEPRECATED → RETIRED; approval needs a principal other than the submitter',
  })
  @Can(['transition', 'approve'], 'AutomationVersion')
  transitionAutomationVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: TransitionArgs) {
    return this.service.transition(actor, args);
  }

  @ResolveField(() => AutomationModel, {
    nullable: true,
    description: 'The automation it is a version of; null when the caller may not read it',
  })
  @Can('read', 'AutomationVersion')
  automation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: AutomationVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders.get(automationByIdLoader, actor, this.automations).load(version.automationId);
  }

  @ResolveField(() => [ModelVersionModel], { description: 'Newest first; empty unless you may read model versions', complexity: 10 })
  @Can('read', 'AutomationVersion')
  modelVersions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: AutomationVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders.get(modelVersionsOfAutomationVersionLoader, actor, this.service).load(version.id);
  }

  @ResolveField(() => [LifecycleTransitionModel], { description: 'Lifecycle history, oldest first', complexity: 5 })
  @Can('read', 'AutomationVersion')
  transitions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: AutomationVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loadTransitions(loaders, this.lifecycle, actor, version.id);
  }
}

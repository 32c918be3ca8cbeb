import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageCost, type LoaderRegistry } from '@attest/core';
import {
  Can, CurrentPrincipal, loadPrincipal, Loaders, PrincipalModel, PrincipalsService, type AuthenticatedPrincipal,
} from '@attest/identity';
import { AutomationVersionsService } from './automation-versions.service';
import { AutomationsService } from './automations.service';
import { AutomationsArgs } from './dto/automations.args';
import { AutomationKeyArgs, RegisterAutomationInput } from './dto/register-automation.input';
import { AutomationConnection, AutomationModel, AutomationVersionModel } from './models/automation.model';
import { automationVersionsOfAutomationLoader } from './registry.loaders';

@Resolver(() => AutomationModel)
export class AutomationsResolver {
  constructor(
    private readonly service: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly principals: PrincipalsService,
  ) {}

  @Query(() => AutomationModel)
  @Can('read', 'Automation')
  automation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Query(() => AutomationModel, { description: 'By the stable key callers use' })
  @Can('read', 'Automation')
  automationByKey(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: AutomationKeyArgs) {
    return this.service.getByKey(actor, args.key);
  }

  @Query(() => AutomationConnection, { complexity: pageCost })
  @Can('read', 'Automation')
  automations(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: AutomationsArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => AutomationModel)
  @Can('create', 'Automation')
  registerAutomation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('input') input: RegisterAutomationInput) {
    return this.service.register(actor, input);
  }

  @ResolveField(() => PrincipalModel, { nullable: true, description: 'Null if you may not read principals' })
  @Can('read', 'Automation')
  owner(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() automation: AutomationModel, @Loaders() loaders: LoaderRegistry) {
    return loadPrincipal(loaders, this.principals, actor, automation.ownerId);
  }

  @ResolveField(() => [AutomationVersionModel], { description: 'Newest first', complexity: 10 })
  @Can('read', 'AutomationVersion')
  versions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() automation: AutomationModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(automationVersionsOfAutomationLoader, actor, this.automationVersions).load(automation.id);
  }
}

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

  @Query(() => AutomationModel, { description: 'One automation by id; NOT_FOUND when absent or not visible (a service sees only its own)' })
  @Can('read', 'Automation')
  automation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The automation's id" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Query(() => AutomationModel, { description: 'One automation by the stable key callers use; NOT_FOUND when absent or not visible' })
  @Can('read', 'Automation')
  automationByKey(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: AutomationKeyArgs) {
    return this.service.getByKey(actor, args.key);
  }

  @Query(() => AutomationConnection, { complexity: pageCost, description: 'The automations the caller may read, newest first' })
  @Can('read', 'Automation')
  automations(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: AutomationsArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => AutomationModel, { description: 'Registers an automation (automation owners and admins), without versions yet; audited' })
  @Can('create', 'Automation')
  registerAutomation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: "The automation's key, name and owner" }) input: RegisterAutomationInput,
  ) {
    return this.service.register(actor, input);
  }

  @ResolveField(() => PrincipalModel, { nullable: true, description: 'Null if you may not read principals' })
  @Can('read', 'Automation')
  owner(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() automation: AutomationModel, @Loaders() loaders: LoaderRegistry) {
    return loadPrincipal(loaders, this.principals, actor, automation.ownerId);
  }

  @ResolveField(() => [AutomationVersionModel], { description: "The automation's versions, newest first", complexity: 10 })
  @Can('read', 'AutomationVersion')
  versions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() automation: AutomationModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(automationVersionsOfAutomationLoader, actor, this.automationVersions).load(automation.id);
  }
}

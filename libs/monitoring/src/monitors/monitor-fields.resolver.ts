import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import {
  automationByIdLoader,
  AutomationModel,
  AutomationsService,
  automationVersionByIdLoader,
  AutomationVersionModel,
  AutomationVersionsService,
} from '@attest/registry';
import type { MonitorRow } from './monitor-store';
import { MonitorModel } from './monitor.models';

/**
 * What names a monitor where it is listed (the console's drift alerts): its automation and version,
 * through the registry's loaders, which return null for what the caller may not read.
 */
@Resolver(() => MonitorModel)
export class MonitorFieldsResolver {
  constructor(
    private readonly automations: AutomationsService,
    private readonly versions: AutomationVersionsService,
  ) {}

  @ResolveField(() => AutomationModel, { nullable: true, description: 'The automation it watches; null when the caller may not read it' })
  @Can('read', 'Monitor')
  automation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() monitor: MonitorRow, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(automationByIdLoader, actor, this.automations).load(monitor.automationId);
  }

  @ResolveField(() => AutomationVersionModel, {
    nullable: true,
    description: 'The automation version it watches; null when the caller may not read it',
  })
  @Can('read', 'Monitor')
  automationVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() monitor: MonitorRow, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(automationVersionByIdLoader, actor, this.versions).load(monitor.automationVersionId);
  }
}

import { ResolveField, Resolver } from '@nestjs/graphql';
import { ComplianceOverviewModel } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { InventoryCounts } from './inventory-counts.service';
import { AutomationInventoryModel, DatasetInventoryModel, ModelInventoryModel } from './inventory.models';

/** The registry's part of the compliance overview: its inventory, counted. */
@Resolver(() => ComplianceOverviewModel)
export class InventoryOverviewResolver {
  constructor(private readonly counts: InventoryCounts) {}

  @ResolveField(() => ModelInventoryModel, { description: 'Models and their versions by lifecycle status and risk tier' })
  @Can('read', 'ModelVersion')
  models(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.counts.models(actor);
  }

  @ResolveField(() => AutomationInventoryModel, {
    description: 'Automations and their versions by lifecycle status and EU AI Act risk class',
  })
  @Can('read', 'AutomationVersion')
  automations(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.counts.automations(actor);
  }

  @ResolveField(() => DatasetInventoryModel, { description: 'Datasets and their versions' })
  @Can('read', 'DatasetVersion')
  datasets(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.counts.datasets(actor);
  }
}

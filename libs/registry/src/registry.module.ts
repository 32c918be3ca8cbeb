import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { AutomationVersionsResolver } from './automation-versions.resolver';
import { LifecycleGatesResolver } from './lifecycle-gates.resolver';
import { AutomationVersionsService } from './automation-versions.service';
import { AutomationsResolver } from './automations.resolver';
import { AutomationsService } from './automations.service';
import { DecisionTargetsService } from './decision-targets.service';
import { DatasetVersionsResolver } from './dataset-versions.resolver';
import { DatasetVersionsService } from './dataset-versions.service';
import { DatasetsResolver } from './datasets.resolver';
import { DatasetsService } from './datasets.service';
import { AutomationVersionApprovalsResolver, ModelVersionApprovalsResolver } from './lifecycle/approvals.resolver';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { ModelVersionsResolver } from './model-versions.resolver';
import { ModelVersionsService } from './model-versions.service';
import { ModelsResolver } from './models.resolver';
import { ModelsService } from './models.service';
import { InventoryCounts } from './overview/inventory-counts.service';
import { InventoryOverviewResolver } from './overview/inventory-overview.resolver';

const SERVICES = [
  LifecycleService,
  ModelsService,
  ModelVersionsService,
  DatasetsService,
  DatasetVersionsService,
  AutomationsService,
  AutomationVersionsService,
  DecisionTargetsService,
  InventoryCounts,
];
/** Every resolver of the registry, also for building the schema without a server (@attest/platform, api-schema.ts). */
export const REGISTRY_RESOLVERS = [
  ModelsResolver,
  ModelVersionsResolver,
  DatasetsResolver,
  DatasetVersionsResolver,
  AutomationsResolver,
  AutomationVersionsResolver,
  LifecycleGatesResolver,
  InventoryOverviewResolver,
  ModelVersionApprovalsResolver,
  AutomationVersionApprovalsResolver,
];

@Module({
  imports: [IdentityModule],
  providers: [...SERVICES, ...REGISTRY_RESOLVERS],
  exports: SERVICES,
})
export class RegistryModule {}

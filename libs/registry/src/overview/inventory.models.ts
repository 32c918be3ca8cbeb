import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LifecycleStatus, RiskClass, RiskTier } from '../registry.enums';

@ObjectType('LifecycleStatusCount', { description: 'How many versions are in one lifecycle status' })
export class LifecycleStatusCountModel {
  @Field(() => LifecycleStatus, { description: 'The lifecycle status' }) status: LifecycleStatus;
  @Field(() => Int, { description: 'Versions in it (0 included, so that every status is listed)' }) count: number;
}

@ObjectType('RiskClassCount', { description: 'How many automation versions have one EU AI Act risk class' })
export class RiskClassCountModel {
  @Field(() => RiskClass, { description: 'The EU AI Act risk class' }) riskClass: RiskClass;
  @Field(() => Int, { description: 'Automation versions of that class (0 included, so that every class is listed)' }) count: number;
}

@ObjectType('RiskTierCount', { description: 'How many model versions have one risk tier' })
export class RiskTierCountModel {
  @Field(() => RiskTier, { description: "The model owner's risk tier" }) riskTier: RiskTier;
  @Field(() => Int, { description: 'Model versions of that tier (0 included, so that every tier is listed)' }) count: number;
}

@ObjectType('ModelInventory', { description: 'The models the caller may read, counted; versions by lifecycle status and risk tier' })
export class ModelInventoryModel {
  @Field(() => Int, { description: 'Registered models' }) models: number;
  @Field(() => Int, { description: 'Their versions' }) versions: number;
  @Field(() => [LifecycleStatusCountModel], { description: 'Model versions per lifecycle status, every status listed in lifecycle order' })
  versionsByStatus: LifecycleStatusCountModel[];
  @Field(() => [RiskTierCountModel], { description: 'Model versions per risk tier, every tier listed, lowest first' })
  versionsByRiskTier: RiskTierCountModel[];
}

@ObjectType('AutomationInventory', {
  description: 'The automations the caller may read, counted; versions by lifecycle status and EU AI Act risk class',
})
export class AutomationInventoryModel {
  @Field(() => Int, { description: 'Registered automations' }) automations: number;
  @Field(() => Int, { description: 'Their versions' }) versions: number;
  @Field(() => [LifecycleStatusCountModel], {
    description: 'Automation versions per lifecycle status, every status listed in lifecycle order',
  })
  versionsByStatus: LifecycleStatusCountModel[];
  @Field(() => [RiskClassCountModel], {
    description: 'Automation versions per EU AI Act risk class, every class listed, most severe first',
  })
  versionsByRiskClass: RiskClassCountModel[];
}

@ObjectType('DatasetInventory', { description: 'The datasets the caller may read, counted' })
export class DatasetInventoryModel {
  @Field(() => Int, { description: 'Registered datasets' }) datasets: number;
  @Field(() => Int, { description: 'Their versions' }) versions: number;
}

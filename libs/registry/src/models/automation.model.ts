import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { Environment, LifecycleStatus, OversightMode, RiskClass } from '../registry.enums';

@ObjectType('Automation', { description: 'A business process that makes automated decisions with models' })
export class AutomationModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => ID) ownerId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('AutomationConnection')
export class AutomationConnection extends ConnectionType(AutomationModel) {}

@ObjectType('AutomationVersion')
export class AutomationVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) automationId: string;
  @Field() version: string;
  @Field() purpose: string;
  @Field(() => String, { nullable: true, description: 'Application domain, e.g. an EU AI Act Annex III area' }) domain: string | null;
  @Field(() => RiskClass) riskClass: RiskClass;
  @Field(() => OversightMode) oversightMode: OversightMode;
  @Field(() => Environment) environment: Environment;
  @Field(() => LifecycleStatus) status: LifecycleStatus;
  @Field(() => ID, { nullable: true }) submittedBy: string | null;
  @Field(() => ID, { nullable: true }) approvedBy: string | null;
  @Field(() => ID) createdBy: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

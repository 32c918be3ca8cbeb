import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { Environment, LifecycleStatus, OversightMode, RiskClass } from '../registry.enums';

@ObjectType('Automation', { description: 'A business process that makes automated decisions with models' })
export class AutomationModel {
  @Field(() => ID, { description: "The automation's id (UUID)" }) id: string;
  @Field({ description: 'The stable key callers use, unique in the tenant, e.g. claims-triage' }) key: string;
  @Field({ description: 'Display name' }) name: string;
  @Field(() => String, { nullable: true, description: 'What it does, in words; null when not given' }) description: string | null;
  @Field(() => ID, { description: 'The principal accountable for it' }) ownerId: string;
  @Field({ description: 'When it was registered, ISO 8601 (UTC)' }) createdAt: Date;
  @Field({ description: 'When it last changed, ISO 8601 (UTC)' }) updatedAt: Date;
}

@ObjectType('AutomationConnection', { description: 'A page of automations, newest first' })
export class AutomationConnection extends ConnectionType(AutomationModel) {}

@ObjectType('AutomationVersion', {
  description:
    'One version of an automation: its purpose, EU AI Act risk class, oversight and the model versions it uses. Immutable once registered, except its status',
})
export class AutomationVersionModel {
  @Field(() => ID, { description: "The version's id (UUID)" }) id: string;
  @Field(() => ID, { description: 'The automation it is a version of' }) automationId: string;
  @Field({ description: 'Semantic version or integer, unique per automation (e.g. 2.1.0)' }) version: string;
  @Field({ description: 'What this version decides, and for whom' }) purpose: string;
  @Field(() => String, { nullable: true, description: 'Application domain, e.g. an EU AI Act Annex III area' }) domain: string | null;
  @Field(() => RiskClass, { description: 'Its EU AI Act risk class' }) riskClass: RiskClass;
  @Field(() => OversightMode, { description: 'How much of its output people review (EU AI Act Art. 14)' }) oversightMode: OversightMode;
  @Field(() => Environment, { description: 'Where it runs' }) environment: Environment;
  @Field(() => LifecycleStatus, { description: 'Where this automation version is in its lifecycle; transitions has how it got there' })
  status: LifecycleStatus;
  @Field(() => ID, { nullable: true, description: 'The principal that submitted this automation version for review; null until then' })
  submittedBy: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The compliance officer or admin that approved this automation version; null until approved',
  })
  approvedBy: string | null;
  @Field(() => ID, { description: 'The principal that registered this automation version' }) createdBy: string;
  @Field({ description: 'When this automation version was registered, ISO 8601 (UTC)' }) createdAt: Date;
  @Field({ description: 'When the status of this automation version last changed, ISO 8601 (UTC)' }) updatedAt: Date;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';

@ObjectType('PolicySummary', { description: 'One policy of a pack, as activated' })
export class PolicySummaryModel {
  @Field() id: string;
  @Field(() => Int) version: number;
  @Field() description: string;
  @Field({ description: 'decision, model.transition, automation.transition, automation.register or dataset.register' }) appliesTo: string;
  @Field() severity: string;
  @Field({ description: 'allow, deny, require_review or annotate' }) effect: string;
  @Field(() => [String], { description: 'e.g. EU-AI-Act:Art.14, NIST-AI-RMF:MANAGE-2.3' }) frameworks: string[];
  @Field() message: string;
}

@ObjectType('PolicyPackActivation', { description: 'A policy pack a tenant switched to: the latest one is active' })
export class PolicyPackActivationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The pack folder name under policies/' }) name: string;
  @Field({ description: 'SHA-256 of the canonical policies (docs/policies.md); stored with every evaluation' }) digest: string;
  @Field(() => ID) activatedBy: string;
  @Field() rationale: string;
  @Field() activatedAt: Date;
  @Field(() => [PolicySummaryModel]) policies: PolicySummaryModel[];
}

@ObjectType('PolicyPackActivationConnection')
export class PolicyPackActivationConnection extends ConnectionType(PolicyPackActivationModel) {}

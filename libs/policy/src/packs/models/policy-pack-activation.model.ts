import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON, PolicyEffect, PolicySeverity, type PolicyEffectValue, type PolicySeverityValue } from '@attest/core';

@ObjectType('PolicySummary', { description: 'One policy of a pack, as activated' })
export class PolicySummaryModel {
  @Field({ description: "The policy's id, unique in its pack" }) id: string;
  @Field(() => Int, { description: "The policy's version number: raised when it changes" }) version: number;
  @Field({ description: 'What the policy is for, in words' }) description: string;
  @Field({ description: 'decision, model.transition, automation.transition, automation.register or dataset.register' }) appliesTo: string;
  @Field(() => PolicySeverity, { description: 'How serious a match is' }) severity: PolicySeverityValue;
  @Field(() => PolicyEffect, { description: 'What a match asks for' }) effect: PolicyEffectValue;
  @Field(() => [String], { description: 'e.g. EU-AI-Act:Art.14, NIST-AI-RMF:MANAGE-2.3' }) frameworks: string[];
  @Field({ description: 'What a match says, to show to people' }) message: string;
  @Field(() => GraphQLJSON, { description: 'When the policy matches: its condition tree (all, any, not over fact conditions), as JSON' })
  conditions: Record<string, unknown>;
  @Field({
    description:
      'The same conditions as one readable sentence, e.g. "automation.riskClass is high and decision.confidence is less than 0.7"',
  })
  conditionsText: string;
}

@ObjectType('PolicyTestResult', { description: "One of a pack's test cases, run now against the pack's policies" })
export class PolicyTestResultModel {
  @Field({ description: "The case's name, unique in its file" }) name: string;
  @Field({ description: 'Where the case is written, file:line under the pack folder' }) source: string;
  @Field({ description: 'What the case judges: decision, model.transition, …' }) appliesTo: string;
  @Field(() => PolicyEffect, { description: 'The effect the case expects' }) expectedEffect: PolicyEffectValue;
  @Field(() => [String], { description: 'The policy ids the case expects to match, sorted' }) expectedMatched: string[];
  @Field({ description: 'True when the effect and the matched policies are as expected' }) passed: boolean;
  @Field(() => PolicyEffect, { nullable: true, description: 'The effect it got; null when its facts could not be evaluated' })
  actualEffect: PolicyEffectValue | null;
  @Field(() => [String], { nullable: true, description: 'The policy ids that matched, sorted; null when its facts could not be evaluated' })
  actualMatched: string[] | null;
  @Field(() => String, { nullable: true, description: 'Why the facts could not be evaluated' }) error: string | null;
}

@ObjectType('PolicyPackActivation', { description: 'A policy pack a tenant switched to: the latest one is active' })
export class PolicyPackActivationModel {
  @Field(() => ID, { description: "The activation's id (UUID)" }) id: string;
  @Field({ description: 'The pack folder name under policies/' }) name: string;
  @Field({ description: 'SHA-256 of the canonical policies (docs/policies.md); stored with every evaluation' }) digest: string;
  @Field(() => ID, { description: 'The admin that activated it' }) activatedBy: string;
  @Field({ description: "Why, in the admin's words; kept in the audit trail" }) rationale: string;
  @Field({ description: 'When it became active, ISO 8601 (UTC)' }) activatedAt: Date;
  @Field(() => [PolicySummaryModel], { description: "The pack's policies as activated" }) policies: PolicySummaryModel[];
}

@ObjectType('PolicyPackActivationConnection', { description: 'A page of pack activations, newest first' })
export class PolicyPackActivationConnection extends ConnectionType(PolicyPackActivationModel) {}

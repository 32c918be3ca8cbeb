import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';

@ObjectType('PolicyFieldChange', { description: 'A field of a policy (other than its conditions) that differs' })
export class PolicyFieldChangeModel {
  @Field({ description: 'version, appliesTo, effect, severity, frameworks, description or message' }) field: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value in the active pack' }) before: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value in the pack to activate' }) after: unknown;
}

@ObjectType('PolicyConditionChange', { description: "One difference between two policies' condition trees" })
export class PolicyConditionChangeModel {
  @Field({ description: 'Where in the tree, e.g. conditions.all[1]' }) path: string;
  @Field({ description: 'added, removed or changed' }) change: string;
  @Field(() => String, { nullable: true, description: 'The condition before, on one line; null when added' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The condition after, on one line; null when removed' }) after: string | null;
}

@ObjectType('PolicyChange', { description: 'A policy added, removed or changed by activating another pack' })
export class PolicyChangeModel {
  @Field({ description: "The policy's id" }) id: string;
  @Field({ description: 'added, removed or changed' }) change: string;
  @Field(() => [PolicyFieldChangeModel], { description: 'Fields that differ (changed policies only)' }) fields: PolicyFieldChangeModel[];
  @Field(() => [PolicyConditionChangeModel], { description: 'Conditions that differ (changed policies only)' })
  conditions: PolicyConditionChangeModel[];
  @Field(() => String, { nullable: true, description: 'Its conditions as a sentence in the active pack; null when added' })
  conditionsBefore: string | null;
  @Field(() => String, { nullable: true, description: 'Its conditions as a sentence in the pack to activate; null when removed' })
  conditionsAfter: string | null;
}

@ObjectType('PolicyPackPreview', {
  description:
    'What activating a pack would change, policy by policy (the structural part of attest policy diff); decisions are not replayed',
})
export class PolicyPackPreviewModel {
  @Field({ description: 'The pack folder that would be activated' }) name: string;
  @Field({ description: 'Its digest' }) digest: string;
  @Field(() => String, { nullable: true, description: 'The active pack; null before the first activation' }) activeName: string | null;
  @Field(() => String, { nullable: true, description: "The active pack's digest; null before the first activation" })
  activeDigest: string | null;
  @Field({ description: 'True when the pack is already active (activating it again is a CONFLICT)' }) alreadyActive: boolean;
  @Field(() => [PolicyChangeModel], { description: 'Every policy added, removed or changed, by id' }) policies: PolicyChangeModel[];
}

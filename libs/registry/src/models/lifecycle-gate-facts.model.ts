import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';

@ObjectType('LifecycleGateFacts', {
  description:
    'What the lifecycle gate judged when a version moved into its current status, rebuilt now: to replay the gate under another pack (attest policy diff)',
})
export class LifecycleGateFactsModel {
  @Field({ description: 'ModelVersion or AutomationVersion' }) subjectType: string;
  @Field(() => ID, { description: "The model or automation version's id" }) id: string;
  @Field({ description: 'name and version (a model), key and version (an automation)' }) label: string;
  @Field({ description: 'Its status now (in_review, approved or deployed)' }) status: string;
  @Field({ description: 'The policies that judge it: model.transition or automation.transition' }) appliesTo: string;
  @Field(() => GraphQLJSON, { description: 'The facts of the transition into its status (docs/policies.md, fact catalogue)' })
  facts: Record<string, unknown>;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ReviewVerdict } from './decision.enums';
import { RedactionFindingModel } from './policy-evaluation.model';

@ObjectType('DecisionReview', { description: "A human's verdict on a decision" })
export class DecisionReviewModel {
  @Field(() => ID, { description: "The review's id (UUID)" }) id: string;
  @Field(() => ID, { description: 'The decision reviewed' }) decisionId: string;
  @Field(() => ID, { description: 'The principal that reviewed it (never the submitter nor an owner of its automation)' })
  reviewerId: string;
  @Field(() => ReviewVerdict, { description: 'What the reviewer decided' }) verdict: ReviewVerdict;
  @Field({ description: "Why, in the reviewer's words" }) rationale: string;
  @Field(() => [RedactionFindingModel], { description: 'What was redacted from the corrected output' }) redactions: RedactionFindingModel[];
  @Field({ description: 'When it was given, ISO 8601 (UTC)' }) createdAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ReviewVerdict } from './decision.enums';
import { RedactionFindingModel } from './policy-evaluation.model';

@ObjectType('DecisionReview', { description: 'A human\'s verdict on a decision' })
export class DecisionReviewModel {
  @Field(() => ID) id: string;
  @Field(() => ID) decisionId: string;
  @Field(() => ID) reviewerId: string;
  @Field(() => ReviewVerdict) verdict: ReviewVerdict;
  @Field() rationale: string;
  @Field(() => [RedactionFindingModel], { description: 'What was redacted from the corrected output' }) redactions: RedactionFindingModel[];
  @Field() createdAt: Date;
}

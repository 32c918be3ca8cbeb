import { Field, ObjectType } from '@nestjs/graphql';
import { BatchCountsModel } from './batch-counts.model';
import { RecordDecisionResultModel } from './record-decision-result.model';

@ObjectType('RecordDecisionsPayload', { description: 'What recordDecisions did with each item of the batch' })
export class RecordDecisionsPayload {
  @Field(() => [RecordDecisionResultModel], { description: 'One per item, in input order' }) results: RecordDecisionResultModel[];
  @Field(() => BatchCountsModel, { description: 'The items by outcome; they add up to the batch size' }) counts: BatchCountsModel;
}

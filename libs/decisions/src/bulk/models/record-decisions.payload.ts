import { Field, ObjectType } from '@nestjs/graphql';
import { BatchCountsModel } from './batch-counts.model';
import { RecordDecisionResultModel } from './record-decision-result.model';

@ObjectType('RecordDecisionsPayload')
export class RecordDecisionsPayload {
  @Field(() => [RecordDecisionResultModel], { description: 'One per item, in input order' }) results: RecordDecisionResultModel[];
  @Field(() => BatchCountsModel) counts: BatchCountsModel;
}

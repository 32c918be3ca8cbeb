import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecisionCountModel } from './decision-count.model';

@ObjectType('DecisionImpact', { description: 'The decisions made by the affected model versions, counted (never listed)' })
export class DecisionImpactModel {
  @Field(() => Int, { description: 'All the decisions counted' }) total: number;
  @Field(() => [DecisionCountModel], { description: 'The same decisions by status' }) byStatus: DecisionCountModel[];
  @Field(() => [DecisionCountModel], { description: 'Oldest month first' }) byMonth: DecisionCountModel[];
}

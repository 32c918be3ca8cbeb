import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DecisionCount')
export class DecisionCountModel {
  @Field({ description: 'A status (recorded, pending_review, blocked), or a month (YYYY-MM, UTC)' }) key: string;
  @Field(() => Int) count: number;
}

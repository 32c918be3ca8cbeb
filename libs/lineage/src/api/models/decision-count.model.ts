import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DecisionCount', { description: 'A number of decisions under one key (a status or a month)' })
export class DecisionCountModel {
  @Field({ description: 'A status (recorded, pending_review, blocked), or a month (YYYY-MM, UTC)' }) key: string;
  @Field(() => Int, { description: 'Decisions under that key' }) count: number;
}

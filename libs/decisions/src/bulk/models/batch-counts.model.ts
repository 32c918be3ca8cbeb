import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BatchCounts', { description: 'How the items of a batch came out; they add up to the items processed' })
export class BatchCountsModel {
  @Field(() => Int, { description: 'Newly recorded and allowed' }) recorded: number;
  @Field(() => Int, { description: 'Newly recorded, awaiting human review' }) pendingReview: number;
  @Field(() => Int, { description: 'Newly recorded as blocked by a policy' }) blocked: number;
  @Field(() => Int, { description: 'Already recorded with the same key and payload' }) replayed: number;
  @Field(() => Int, { description: 'Refused: see the item errors' }) failed: number;
}

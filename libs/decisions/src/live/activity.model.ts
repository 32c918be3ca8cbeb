import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ActivityEvent', {
  description: 'Something changed that a console page shows: refetch what it concerns (a hint; it carries no data)',
})
export class ActivityEventModel {
  @Field({ description: 'Decisions you may read were recorded' }) decisions: boolean;
  @Field({ description: 'The review queue changed: an item opened, was claimed, assigned, released, became overdue or was reviewed' })
  reviews: boolean;
  @Field(() => Date, { description: 'When the change was seen' }) at: Date;
}

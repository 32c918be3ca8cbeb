import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ItemErrorModel } from './item-error.model';

@ObjectType('IngestItemError', { description: 'A dead letter: an item of an ingest that was not recorded, and why (never its values)' })
export class IngestItemErrorModel extends ItemErrorModel {
  @Field(() => Int, { description: 'Position of the item in the submitted list, from 0' }) index: number;
  @Field(() => String, { nullable: true, description: "The item's idempotency key, when it gave one" }) idempotencyKey: string | null;
}

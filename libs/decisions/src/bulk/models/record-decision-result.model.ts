import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { DecisionEntity } from '../../entities/decision.entity';
import { DecisionModel } from '../../models/decision.model';
import { ItemErrorModel } from './item-error.model';

@ObjectType('RecordDecisionResult', { description: 'How one item of a recordDecisions batch came out: its decision, or its error' })
export class RecordDecisionResultModel {
  @Field(() => Int, { description: 'Position of the item in the batch, from 0' }) index: number;
  // The stored row: DecisionModel's computed fields resolve from it (decision-fields.resolver.ts).
  @Field(() => DecisionModel, { nullable: true, description: 'Null when the item was refused (see error)' })
  decision: DecisionEntity | null;
  @Field({ description: 'The idempotency key was already recorded with the same payload: nothing new was written' }) replayed: boolean;
  @Field(() => ItemErrorModel, { nullable: true, description: 'Why the item was refused; null when it was recorded or replayed' })
  error: ItemErrorModel | null;
}

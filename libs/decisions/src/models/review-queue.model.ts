import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { DecisionModel } from './decision.model';

@ObjectType('ReviewQueueEntry', { description: 'A decision awaiting human review' })
export class ReviewQueueEntryModel {
  @Field(() => DecisionModel, { description: 'The decision awaiting review' }) decision: DecisionModel;
  @Field(() => Int, { description: 'Seconds since it was recorded' }) waitingSeconds: number;
}

@ObjectType('ReviewQueueConnection', { description: 'A page of the review queue, oldest first' })
export class ReviewQueueConnection extends ConnectionType(ReviewQueueEntryModel) {}

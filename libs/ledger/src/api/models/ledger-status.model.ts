import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerCheckpointModel } from './ledger-checkpoint.model';

@ObjectType('LedgerStatus', { description: "The tenant's log now: its size, its latest checkpoint, and how far sealing lags" })
export class LedgerStatusModel {
  @Field() origin: string;
  @Field(() => GraphQLSafeInt) treeSize: number;
  @Field(() => LedgerCheckpointModel, { nullable: true }) latestCheckpoint: LedgerCheckpointModel | null;
  @Field(() => GraphQLSafeInt, { description: 'Leaves written and not yet sealed' }) unsequenced: number;
  @Field(() => Date, { nullable: true, description: 'Write time of the oldest of them' }) oldestUnsequencedAt: Date | null;
}

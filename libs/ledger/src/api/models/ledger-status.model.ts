import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerCheckpointModel } from './ledger-checkpoint.model';

@ObjectType('LedgerStatus', { description: "The tenant's log now: its size, its latest checkpoint, and how far sealing lags" })
export class LedgerStatusModel {
  @Field({ description: "The tenant's log, <ledger name>/<tenant id>, as checkpoints name it" }) origin: string;
  @Field(() => GraphQLSafeInt, { description: 'Leaves sealed into the tree so far' }) treeSize: number;
  @Field(() => LedgerCheckpointModel, { nullable: true, description: 'The newest signed checkpoint; null before the first seal' })
  latestCheckpoint: LedgerCheckpointModel | null;
  @Field(() => GraphQLSafeInt, { description: 'Leaves written and not yet sealed' }) unsequenced: number;
  @Field(() => Date, { nullable: true, description: 'Write time of the oldest of them' }) oldestUnsequencedAt: Date | null;
}

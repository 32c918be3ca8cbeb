import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerCheckpointModel } from './ledger-checkpoint.model';

@ObjectType('LedgerConsistencyProof', { description: 'That the tree of one checkpoint extends that of an older one (RFC 9162 §2.1.4)' })
export class LedgerConsistencyProofModel {
  @Field(() => GraphQLSafeInt) fromSize: number;
  @Field(() => GraphQLSafeInt) toSize: number;
  @Field(() => [String], { description: 'base64, in the RFC order' }) hashes: string[];
  @Field(() => LedgerCheckpointModel) fromCheckpoint: LedgerCheckpointModel;
  @Field(() => LedgerCheckpointModel) toCheckpoint: LedgerCheckpointModel;
}

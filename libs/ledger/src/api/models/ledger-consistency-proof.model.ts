import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerCheckpointModel } from './ledger-checkpoint.model';

@ObjectType('LedgerConsistencyProof', { description: 'That the tree of one checkpoint extends that of an older one (RFC 9162 §2.1.4)' })
export class LedgerConsistencyProofModel {
  @Field(() => GraphQLSafeInt, { description: 'Size of the older tree' }) fromSize: number;
  @Field(() => GraphQLSafeInt, { description: 'Size of the newer tree' }) toSize: number;
  @Field(() => [String], { description: 'base64, in the RFC order' }) hashes: string[];
  @Field(() => LedgerCheckpointModel, { description: 'The signed checkpoint of the older tree' }) fromCheckpoint: LedgerCheckpointModel;
  @Field(() => LedgerCheckpointModel, { description: 'The signed checkpoint of the newer tree' }) toCheckpoint: LedgerCheckpointModel;
}

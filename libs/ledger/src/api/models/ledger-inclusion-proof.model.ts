import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerCheckpointModel } from './ledger-checkpoint.model';

@ObjectType('LedgerInclusionProof', { description: 'That a leaf is in the tree of a signed checkpoint (RFC 9162 §2.1.3)' })
export class LedgerInclusionProofModel {
  @Field(() => GraphQLSafeInt, { description: "The leaf's index in the tree, from 0" }) leafIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Size of the tree the proof is against (that of checkpoint)' }) treeSize: number;
  @Field(() => [String], { description: 'The audit path, leaf first, base64' }) hashes: string[];
  @Field({ description: 'The leaf, byte for byte (UTF-8): `{"index":…,"fact":…}`' }) leaf: string;
  @Field({ description: 'SHA-256(0x00 ‖ leaf), base64' }) leafHash: string;
  @Field(() => LedgerCheckpointModel, { description: 'The signed checkpoint whose root the path leads to' })
  checkpoint: LedgerCheckpointModel;
}

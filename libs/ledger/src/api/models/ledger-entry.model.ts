import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON, GraphQLSafeInt } from '@attest/core';
import { LEAF_KINDS } from '../leaf-kinds';

@ObjectType('LedgerEntry', { description: 'One leaf: a fact as it was written, and where the tree holds it once sealed' })
export class LedgerEntryModel {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Position in the tree; null until sealed' }) index: number | null;
  @Field({ description: `One of: ${LEAF_KINDS.join(', ')}` })
  kind: string;
  @Field({ description: 'Id of the fact (the audit event, decision, …)' }) factId: string;
  @Field(() => GraphQLJSON, { description: 'The fact as the leaf holds it (personal data by digest only)' }) fact: unknown;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The same fact recomputed now from its row (the decision, the audit event…); differs from `fact` if the row was edited, null if it is gone',
  })
  currentFact: unknown;
  @Field(() => String, { nullable: true, description: 'The leaf bytes, once sealed' }) leaf: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256(0x00 ‖ leaf), base64, once sealed' }) leafHash: string | null;
  @Field({ description: 'When the fact was written (with the leaf, in the same transaction), ISO 8601 (UTC)' }) writtenAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the sequencer placed it in the tree; null until sealed' }) sealedAt: Date | null;
}

@ObjectType('LedgerEntryConnection', { description: 'A page of ledger entries, in write order' })
export class LedgerEntryConnection extends ConnectionType(LedgerEntryModel) {}

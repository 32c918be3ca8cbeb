import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';

@ObjectType('LedgerCheckpoint', {
  description: "A signed head of the tenant's tree: what an auditor keeps and later checks proofs against",
})
export class LedgerCheckpointModel {
  @Field({ description: "The tenant's log, `<ledger name>/<tenant id>`: line 1 of the note" }) origin: string;
  @Field(() => GraphQLSafeInt, { description: 'Leaves in the tree it signs: line 2 of the note' }) treeSize: number;
  @Field({ description: 'RFC 6962 head of the first treeSize leaves, base64' }) rootHash: string;
  @Field({ description: 'When it was signed: line 4 of the note' }) timestamp: Date;
  @Field({
    description: 'The signed note (c2sp.org/signed-note), exactly as signed: `attest ledger verify --checkpoint` reads `{ "note": … }`',
  })
  note: string;
}

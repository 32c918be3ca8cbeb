import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';

@ObjectType('LineageEvidence', { description: 'Who brought a node about, when, and where the audit trail and the ledger hold it' })
export class LineageEvidenceModel {
  @Field(() => ID, {
    description: 'The registrant, the principal that recorded the decision, the reviewer, or the producer that reported the run',
  })
  actorId: string;
  @Field(() => String, { nullable: true, description: "That principal's display name; null when it cannot be found" }) actorName:
    string | null;
  @Field({ description: 'When the node came about, ISO 8601 (UTC)' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The audit event of its registration (or recording, or review)' }) auditEventId:
    string | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Index of the ledger leaf that seals it; null until sealed' }) ledgerIndex:
    number | null;
  @Field(() => Date, { nullable: true, description: 'When its ledger leaf was sealed; null until sealed' }) sealedAt: Date | null;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerDivergenceModel } from './ledger-divergence.model';

@ObjectType('LedgerVerification', { description: 'What verifyLedger found over a range of the log' })
export class LedgerVerificationModel {
  @Field({ description: 'true when every leaf, node and checkpoint in the range matches the stored facts' }) ok: boolean;
  @Field(() => GraphQLSafeInt, { description: 'The first leaf index verified' }) fromIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'The last leaf index verified (inclusive)' }) toIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Leaves recomputed from their facts' }) leavesChecked: number;
  @Field(() => GraphQLSafeInt, { description: 'Signed checkpoints whose head was recomputed and signature checked' })
  checkpointsChecked: number;
  @Field(() => LedgerDivergenceModel, { nullable: true, description: 'The first problem found; null when ok' })
  firstDivergence: LedgerDivergenceModel | null;
}

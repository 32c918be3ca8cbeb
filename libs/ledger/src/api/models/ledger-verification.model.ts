import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerDivergenceModel } from './ledger-divergence.model';

@ObjectType('LedgerVerification')
export class LedgerVerificationModel {
  @Field({ description: 'true when every leaf, node and checkpoint in the range matches the stored facts' }) ok: boolean;
  @Field(() => GraphQLSafeInt) fromIndex: number;
  @Field(() => GraphQLSafeInt) toIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Leaves recomputed from their facts' }) leavesChecked: number;
  @Field(() => GraphQLSafeInt, { description: 'Signed checkpoints whose head was recomputed and signature checked' }) checkpointsChecked: number;
  @Field(() => LedgerDivergenceModel, { nullable: true }) firstDivergence: LedgerDivergenceModel | null;
}

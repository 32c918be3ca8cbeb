import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerDivergenceKind } from '../ledger.models';

@ObjectType('LedgerDivergence')
export class LedgerDivergenceModel {
  @Field(() => GraphQLSafeInt, { description: 'The first bad leaf index' }) index: number;
  @Field(() => LedgerDivergenceKind) kind: LedgerDivergenceKind;
  @Field(() => String, { nullable: true, description: 'The fact of that leaf, when known' }) factKind: string | null;
  @Field(() => String, { nullable: true }) factId: string | null;
  @Field(() => String, { nullable: true, description: 'The hash the signed history implies, hex' }) expected: string | null;
  @Field(() => String, { nullable: true, description: 'The hash of what is stored now, hex' }) found: string | null;
  @Field() message: string;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { LedgerDivergenceKind } from '../ledger.models';

@ObjectType('LedgerDivergence', { description: 'Where and how the stored log stopped matching its facts or its signed history' })
export class LedgerDivergenceModel {
  @Field(() => GraphQLSafeInt, { description: 'The first bad leaf index' }) index: number;
  @Field(() => LedgerDivergenceKind, { description: 'What was found wrong' }) kind: LedgerDivergenceKind;
  @Field(() => String, { nullable: true, description: 'The fact of that leaf, when known' }) factKind: string | null;
  @Field(() => String, { nullable: true, description: "Id of that leaf's fact, when known" }) factId: string | null;
  @Field(() => String, { nullable: true, description: 'The hash the signed history implies, hex' }) expected: string | null;
  @Field(() => String, { nullable: true, description: 'The hash of what is stored now, hex' }) found: string | null;
  @Field({ description: 'What was found, in words' }) message: string;
}

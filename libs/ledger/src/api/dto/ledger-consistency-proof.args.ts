import { ArgsType, Field } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { IsInt, IsOptional, Min } from 'class-validator';

@ArgsType()
export class LedgerConsistencyProofArgs {
  @Field(() => GraphQLSafeInt, { description: 'The size of the older checkpoint (one the auditor holds)' })
  @IsInt()
  @Min(1)
  fromSize: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A checkpointed size; the latest checkpoint when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toSize?: number;
}

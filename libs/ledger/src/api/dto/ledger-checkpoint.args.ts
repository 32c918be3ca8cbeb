import { ArgsType, Field } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { IsInt, IsOptional, Min } from 'class-validator';

@ArgsType()
export class LedgerCheckpointArgs {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A size that was checkpointed; the latest checkpoint when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  treeSize?: number;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { IsInt, IsOptional, Length, Min } from 'class-validator';

@ArgsType()
export class LedgerInclusionProofArgs {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'The leaf; or name its fact with factId' })
  @IsOptional()
  @IsInt()
  @Min(0)
  leafIndex?: number;

  @Field({ nullable: true, description: 'Id of the fact (a decision, an audit event, …) whose leaf to prove' })
  @IsOptional()
  @Length(1, 200)
  factId?: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A checkpointed size; the latest checkpoint when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  treeSize?: number;
}

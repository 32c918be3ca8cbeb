import { ArgsType, Field } from '@nestjs/graphql';
import { GraphQLSafeInt } from '@attest/core';
import { ArrayMaxSize, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/**
 * Most leaves one verifyLedger call recomputes: decision leaves, the dearest, verified at 1,900–3,700
 * a second on 2 loaded shared cores (docs/performance.md), so 14–27 s, inside the default 60 s
 * timeout (100,000 once took longer); a longer range is a background job, startLedgerVerification.
 */
export const MAX_VERIFY_RANGE = 50_000;

@ArgsType()
export class VerifyLedgerArgs {
  @Field(() => GraphQLSafeInt, { defaultValue: 0, description: 'The first leaf index to verify, from 0' })
  @IsInt()
  @Min(0)
  fromIndex: number = 0;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Inclusive; the last sealed leaf when omitted' })
  @IsOptional()
  @IsInt()
  @Min(0)
  toIndex?: number;

  @Field(() => [String], {
    nullable: true,
    description:
      'Signed notes of checkpoints the auditor kept: each is checked against the recomputed tree too, so a log cut back below them fails',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(4096, { each: true })
  checkpoints?: string[];
}

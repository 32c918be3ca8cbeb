import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { GraphQLSafeInt, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';

export const LEAF_KINDS = [
  'audit_event', 'decision', 'decision_review', 'lifecycle_transition', 'lifecycle_approval', 'policy_pack_activation', 'lineage_edge',
  'dataset_version', 'model_version', 'automation_version',
] as const;

@ArgsType()
export class LedgerCheckpointArgs {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A size that was checkpointed; the latest checkpoint when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  treeSize?: number;
}

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

/**
 * Most leaves one verifyLedger call recomputes: decision leaves, the dearest, verified at 1,900–3,700
 * a second on 2 loaded shared cores (docs/performance.md), so 14–27 s, inside the default 60 s
 * timeout (100,000 once took longer); a longer range is a background job, startLedgerVerification.
 */
export const MAX_VERIFY_RANGE = 50_000;

@ArgsType()
export class VerifyLedgerArgs {
  @Field(() => GraphQLSafeInt, { defaultValue: 0 })
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
    description: 'Signed notes of checkpoints the auditor kept: each is checked against the recomputed tree too, so a log cut back below them fails',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(4096, { each: true })
  checkpoints?: string[];
}

@InputType()
export class LedgerEntryFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsIn(LEAF_KINDS)
  kind?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  factId?: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sealed leaves from this index on' })
  @IsOptional()
  @IsInt()
  @Min(0)
  fromIndex?: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sealed leaves up to this index (inclusive)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  toIndex?: number;

  @Field({ nullable: true, description: 'Only sealed (true) or only not yet sealed (false) leaves' })
  @IsOptional()
  @IsBoolean()
  sealed?: boolean;
}

@ArgsType()
export class LedgerEntriesArgs extends PageArgs {
  @Field(() => LedgerEntryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LedgerEntryFilter)
  filter?: LedgerEntryFilter;
}

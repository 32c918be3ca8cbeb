import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { JsonField, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ReviewVerdict } from '../models/decision.enums';

@ArgsType()
export class ReviewDecisionArgs {
  @Field(() => ID, { description: 'The decision to review (it must be pending review)' }) @IsUUID() id: string;
  @Field(() => ReviewVerdict, { description: 'APPROVE keeps the output, OVERRIDE replaces it with correctedOutput, REJECT refuses it' })
  @IsEnum(ReviewVerdict)
  verdict: ReviewVerdict;
  @Field({ description: 'Why: kept with the review and its audit event' }) @Length(3, 5000) rationale: string;
  @JsonField({ nullable: true, description: 'Required with OVERRIDE, refused otherwise; stored redacted' })
  @IsOptional()
  correctedOutput?: unknown;
}

@InputType({ description: 'Narrows the review queue' })
export class ReviewQueueFilter {
  @Field(() => ID, { nullable: true, description: 'Only decisions of this automation' }) @IsOptional() @IsUUID() automationId?: string;
  @Field({ nullable: true, description: 'Decisions this policy sent to review' }) @IsOptional() @Length(1, 200) policyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only items this principal holds now (claimed or assigned)' })
  @IsOptional()
  @IsUUID()
  holderId?: string;
  @Field({ nullable: true, description: 'Only items past their due time (true) or not yet (false)' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class ReviewItemArgs {
  @Field(() => ID, { description: 'The decision awaiting review' }) @IsUUID() id: string;
}

@ArgsType()
export class AssignReviewArgs extends ReviewItemArgs {
  @Field(() => ID, {
    description: 'The reviewer to hand it to: a principal who may review it (not its automation owner, nor its recorder)',
  })
  @IsUUID()
  principalId: string;
}

@ArgsType()
export class ReviewSlaArgs {
  @Field(() => ID, { description: 'The automation' }) @IsUUID() automationId: string;
}

@ArgsType()
export class SetReviewSlaArgs extends ReviewSlaArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Minutes from recording to due, 1 to 525,600 (a year); null goes back to the default of a day',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  minutes?: number | null;
}

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => ReviewQueueFilter, {
    nullable: true,
    description: 'Narrows the queue; every pending decision the caller may review when omitted',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewQueueFilter)
  filter?: ReviewQueueFilter;
}

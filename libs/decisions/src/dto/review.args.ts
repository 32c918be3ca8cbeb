import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { JsonField, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
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

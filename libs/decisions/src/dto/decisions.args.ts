import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsWithinCalendar, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DecisionOutcome, DecisionStatus } from '../models/decision.enums';

@InputType({ description: 'Narrows the decisions listed; the given fields must all match' })
export class DecisionFilter {
  @Field(() => ID, { nullable: true, description: 'Only decisions of this automation (any version)' })
  @IsOptional()
  @IsUUID()
  automationId?: string;
  @Field(() => ID, { nullable: true, description: 'Only decisions of this automation version' })
  @IsOptional()
  @IsUUID()
  automationVersionId?: string;
  @Field(() => ID, { nullable: true, description: 'Only decisions made with this model version' })
  @IsOptional()
  @IsUUID()
  modelVersionId?: string;
  @Field(() => DecisionStatus, { nullable: true, description: 'Only decisions in this status' })
  @IsOptional()
  @IsEnum(DecisionStatus)
  status?: DecisionStatus;
  @Field(() => DecisionOutcome, { nullable: true, description: 'Only decisions whose effective outcome is this one' })
  @IsOptional()
  @IsEnum(DecisionOutcome)
  outcome?: DecisionOutcome;
  @Field({ nullable: true, description: 'Decisions this policy matched' }) @IsOptional() @Length(1, 200) policyId?: string;
  @Field({ nullable: true, description: 'Only decisions recorded under this correlation id' })
  @IsOptional()
  @Length(1, 200)
  correlationId?: string;
  @Field({ nullable: true, description: 'occurredAt >= from' }) @IsOptional() @IsWithinCalendar() from?: Date;
  @Field({ nullable: true, description: 'occurredAt < to' }) @IsOptional() @IsWithinCalendar() to?: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'Only decisions with a confidence of at least this (0 to 1); decisions without one are left out',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minConfidence?: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Only decisions with a confidence of at most this (0 to 1); decisions without one are left out',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  maxConfidence?: number;
}

@ArgsType()
export class DecisionsArgs extends PageArgs {
  @Field(() => DecisionFilter, { nullable: true, description: 'Narrows the list; every decision the caller may read when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionFilter)
  filter?: DecisionFilter;
}

@ArgsType()
export class DecisionsForSubjectArgs extends PageArgs {
  @Field({ description: "The identifier you recorded as subjectRef; it is hashed with the tenant's key and never stored" })
  @Length(1, 500)
  subjectRef: string;
}

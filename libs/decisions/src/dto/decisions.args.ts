import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { FromQueryDate, FromQueryEnum, FromQueryNumber, IsNotBelow, IsWithinCalendar, PageArgs, PolicyEffect } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DecisionOutcome, DecisionStatus } from '../models/decision.enums';

/**
 * Narrows a decisions list: the GraphQL `decisions` query and `GET /api/v1/decisions.csv` (whose
 * query string gives the same fields as text: hence the FromQuery transforms).
 */
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
  @FromQueryEnum(DecisionStatus)
  @IsEnum(DecisionStatus)
  status?: DecisionStatus;
  @Field(() => DecisionOutcome, { nullable: true, description: 'Only decisions whose effective outcome is this one' })
  @IsOptional()
  @FromQueryEnum(DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome?: DecisionOutcome;
  @Field({ nullable: true, description: 'Decisions this policy matched (policies that did not match are not stored with a decision)' })
  @IsOptional()
  @Length(1, 200)
  policyId?: string;
  @Field(() => PolicyEffect, {
    nullable: true,
    description: 'Decisions a policy with this effect matched; with policyId, that policy with this effect',
  })
  @IsOptional()
  @FromQueryEnum(PolicyEffect)
  @IsEnum(PolicyEffect)
  policyEffect?: PolicyEffect;
  @Field({ nullable: true, description: 'Only decisions recorded under this correlation id' })
  @IsOptional()
  @Length(1, 200)
  correlationId?: string;
  @Field({ nullable: true, description: 'Inclusive lower bound on occurredAt (when the automation decided)' })
  @IsOptional()
  @FromQueryDate()
  @IsWithinCalendar()
  from?: Date;
  @Field({ nullable: true, description: 'Exclusive upper bound on occurredAt; not before from (VALIDATION_FAILED)' })
  @IsOptional()
  @FromQueryDate()
  @IsWithinCalendar()
  @IsNotBelow('from')
  to?: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'Only decisions with a confidence of at least this (0 to 1); decisions without one are left out',
  })
  @IsOptional()
  @FromQueryNumber()
  @IsNumber()
  @Min(0)
  @Max(1)
  minConfidence?: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Only decisions with a confidence of at most this (0 to 1, not below minConfidence); decisions without one are left out',
  })
  @IsOptional()
  @FromQueryNumber()
  @IsNumber()
  @Min(0)
  @Max(1)
  @IsNotBelow('minConfidence')
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

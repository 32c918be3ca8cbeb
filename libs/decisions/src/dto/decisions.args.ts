import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsWithinCalendar, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DecisionOutcome, DecisionStatus } from '../models/decision.enums';

@InputType()
export class DecisionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() automationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() automationVersionId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() modelVersionId?: string;
  @Field(() => DecisionStatus, { nullable: true }) @IsOptional() @IsEnum(DecisionStatus) status?: DecisionStatus;
  @Field(() => DecisionOutcome, { nullable: true }) @IsOptional() @IsEnum(DecisionOutcome) outcome?: DecisionOutcome;
  @Field({ nullable: true, description: 'Decisions this policy matched' }) @IsOptional() @Length(1, 200) policyId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) correlationId?: string;
  @Field({ nullable: true, description: 'occurredAt >= from' }) @IsOptional() @IsWithinCalendar() from?: Date;
  @Field({ nullable: true, description: 'occurredAt < to' }) @IsOptional() @IsWithinCalendar() to?: Date;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(1) minConfidence?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(1) maxConfidence?: number;
}

@ArgsType()
export class DecisionsArgs extends PageArgs {
  @Field(() => DecisionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionFilter)
  filter?: DecisionFilter;
}

@ArgsType()
export class DecisionsForSubjectArgs extends PageArgs {
  @Field({ description: 'The identifier you recorded as subjectRef; it is hashed with the tenant\'s key and never stored' })
  @Length(1, 500)
  subjectRef: string;
}

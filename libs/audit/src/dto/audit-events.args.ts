import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsWithinCalendar, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';

@InputType()
export class AuditEventFilter {
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "model_version.")' })
  @IsOptional()
  @Length(1, 200)
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  subjectType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  subjectId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field(() => Date, { nullable: true, description: 'Inclusive lower bound on occurredAt' })
  @IsOptional()
  @IsWithinCalendar()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive upper bound on occurredAt' })
  @IsOptional()
  @IsWithinCalendar()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { FromQueryDate, IsNotBelow, IsWithinCalendar, PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';

/** Narrows the audit trail: the GraphQL `auditEvents` query and `GET /api/v1/audit-events.csv` (its query string). */
@InputType({ description: 'Narrows the audit trail; the given fields must all match' })
export class AuditEventFilter {
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "model_version.")' })
  @IsOptional()
  @Length(1, 200)
  action?: string;

  @Field({ nullable: true, description: 'Only events about this kind of subject, e.g. Model, ModelVersion, Decision, ApiKey' })
  @IsOptional()
  @Length(1, 100)
  subjectType?: string;

  @Field({ nullable: true, description: 'Only events about this subject (its id)' })
  @IsOptional()
  @Length(1, 200)
  subjectId?: string;

  @Field(() => ID, { nullable: true, description: 'Only events caused by this principal' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field({
    nullable: true,
    description: 'Only events of this request or batch (the x-correlation-id the caller sent, or the one Attest made)',
  })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field(() => Date, { nullable: true, description: 'Inclusive lower bound on occurredAt' })
  @IsOptional()
  @FromQueryDate()
  @IsWithinCalendar()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive upper bound on occurredAt; not before from (VALIDATION_FAILED)' })
  @IsOptional()
  @FromQueryDate()
  @IsWithinCalendar()
  @IsNotBelow('from')
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Narrows the trail; every event when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { FromQueryDate, IsWithinCalendar } from '@attest/core';
import { IsOptional, IsUUID } from 'class-validator';

/** An audit period: GraphQL `auditPeriodEvidence` and the query string of GET /api/v1/audit-periods/evidence.zip. */
@ArgsType()
export class AuditPeriodEvidenceArgs {
  @Field(() => Date, { description: 'Start of the period, inclusive, ISO 8601' })
  @FromQueryDate()
  @IsWithinCalendar()
  from: Date;

  @Field(() => Date, {
    description: 'End of the period, exclusive; after from and at most 366 days later (VALIDATION_FAILED otherwise)',
  })
  @FromQueryDate()
  @IsWithinCalendar()
  to: Date;

  @Field(() => ID, { nullable: true, description: "The automation whose period it is; the whole tenant's when omitted" })
  @IsOptional()
  @IsUUID()
  automationId?: string;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class SetMonitoringLabelPathArgs {
  @Field(() => ID, { description: 'The automation whose label path to set' }) @IsUUID() automationId: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A JSON path into the output ($.key, up to 8 keys, e.g. $.result.label); null clears it. Applies to decisions sealed from now on',
  })
  @IsOptional()
  @Length(3, 600)
  path?: string | null;
}

@ArgsType()
export class DailyStatisticsArgs {
  @Field(() => ID, { description: 'The automation version' }) @IsUUID() automationVersionId: string;
  @Field({ description: 'First day (UTC, YYYY-MM-DD), inclusive' }) @Matches(DAY) from: string;
  @Field({ description: 'Last day (UTC, YYYY-MM-DD), inclusive; at most 366 days after from' }) @Matches(DAY) to: string;
}

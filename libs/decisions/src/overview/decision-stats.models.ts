import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

export const MAX_OVERVIEW_DAYS = 90;

@ArgsType()
export class DecisionsPerDayArgs {
  @Field(() => Int, { defaultValue: 30, description: `Days to cover, ending today (UTC), 1 to ${MAX_OVERVIEW_DAYS}` })
  @Min(1)
  @Max(MAX_OVERVIEW_DAYS)
  days: number = 30;
}

@ObjectType('DecisionDayCount', { description: 'The decisions recorded on one day (UTC), by the status the policies gave them' })
export class DecisionDayCountModel {
  @Field({ description: 'The day, YYYY-MM-DD (UTC), by recordedAt' }) day: string;
  @Field(() => Int, { description: 'Decisions recorded that day' }) total: number;
  @Field(() => Int, { description: 'Of them, allowed when recorded (status RECORDED)' }) recorded: number;
  @Field(() => Int, { description: 'Of them, sent to human review (status PENDING_REVIEW, reviewed since or not)' }) pendingReview: number;
  @Field(() => Int, { description: 'Of them, denied by a policy (status BLOCKED)' }) blocked: number;
}

@ObjectType('ReviewBacklog', { description: 'Decisions waiting for a human review, as the caller may read them' })
export class ReviewBacklogModel {
  @Field(() => Int, { description: 'Decisions in PENDING_REVIEW without a review yet' }) waiting: number;
  @Field(() => Int, { description: "Of them, past their due time (their automation's review SLA)" }) overdue: number;
  @Field(() => Date, { nullable: true, description: 'When the one waiting longest was recorded; null when none waits' })
  oldestRecordedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'How long the one waiting longest has waited, in seconds; null when none waits' })
  oldestWaitingSeconds: number | null;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "Where an automation's decisions carry their output label, for the label distribution of its monitors" })
export class MonitoringLabelPathModel {
  @Field(() => ID, { description: 'The automation' }) automationId: string;
  @Field(() => String, {
    nullable: true,
    description: 'A JSON path into the output, e.g. $.label; null while none is set (no label distribution)',
  })
  path: string | null;
  @Field(() => ID, { nullable: true, description: 'Who set it last; null while none is set' }) updatedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was set last; null while none is set' }) updatedAt: Date | null;
}

@ObjectType({ description: 'How many decisions of a day carried one output label' })
export class LabelCountModel {
  @Field({ description: 'The label as text; (other) counts every label past the first 50 distinct of the version' }) label: string;
  @Field(() => Int, { description: 'Decisions with that label' }) count: number;
}

@ObjectType({ description: "One UTC day of an automation version's decisions, as sealed in the ledger (the drift monitors' input)" })
export class DailyStatisticsModel {
  @Field({ description: 'The day (UTC, YYYY-MM-DD) the decisions were recorded' }) day: string;
  @Field(() => Int, { description: 'Decisions recorded that day' }) decisions: number;
  @Field(() => Int, { description: 'Of which blocked by a policy' }) blocked: number;
  @Field(() => Int, { description: 'Of which sent to human review' }) pendingReview: number;
  @Field(() => Int, { description: 'Of which recorded without a confidence' }) withoutConfidence: number;
  @Field(() => Int, { description: 'Of those decisions, how many were reviewed' }) reviewed: number;
  @Field(() => Int, { description: 'Of the reviewed, how many the reviewer overrode' }) overridden: number;
  @Field(() => [Int], { description: 'Decisions per confidence bucket: 10 buckets [0, 0.1), [0.1, 0.2) … [0.9, 1]' })
  confidenceBuckets: number[];
  @Field(() => [LabelCountModel], { description: 'Decisions per output label (only while a label path is set), most frequent first' })
  labels: LabelCountModel[];
}

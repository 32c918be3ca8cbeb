import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { DecisionModel } from './decision.model';

@ObjectType('ReviewClaim', { description: 'Who holds a review item: a claim that lapses unless renewed, or an assignment that does not' })
export class ReviewClaimModel {
  @Field(() => ID, { description: 'The principal holding the item' }) holderId: string;
  @Field(() => Date, { description: 'Since when they hold it' }) since: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When the claim lapses unless renewed by claiming again (ATTEST_REVIEW_CLAIM_SECONDS); null for an assignment',
  })
  expiresAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'Who assigned it (a compliance officer or admin); null for a claim' })
  assignedBy: string | null;
}

@ObjectType('ReviewQueueEntry', { description: 'A decision awaiting human review' })
export class ReviewQueueEntryModel {
  @Field(() => DecisionModel, { description: 'The decision awaiting review' }) decision: DecisionModel;
  @Field(() => Int, { description: 'Seconds since it was recorded' }) waitingSeconds: number;
  @Field(() => Date, {
    description:
      "When its review is due: recorded time plus its automation's review SLA (a day by default); for a contested decision, the contest's deadline if earlier",
  })
  dueAt: Date;
  @Field({ description: 'Past its due time' }) overdue: boolean;
  @Field(() => ReviewClaimModel, { nullable: true, description: 'Who holds it now; null when nobody does (a lapsed claim included)' })
  claim: ReviewClaimModel | null;
  @Field({ description: 'Contested by the person decided about (contestDecision): priority items come first in the queue' })
  priority: boolean;
  @Field(() => ID, { nullable: true, description: 'The open contest that made it a priority item; null otherwise' })
  contestId: string | null;
}

@ObjectType('ReviewQueueConnection', {
  description: 'A page of the review queue: priority (contested) items first by due time, then oldest first',
})
export class ReviewQueueConnection extends ConnectionType(ReviewQueueEntryModel) {}

@ObjectType('ReviewSla', { description: "An automation's review SLA: how long after recording a decision sent to review is due" })
export class ReviewSlaModel {
  @Field(() => ID, { description: 'The automation' }) automationId: string;
  @Field(() => Int, { description: 'Minutes from recording to due (1440, a day, when not set)' }) minutes: number;
  @Field({ description: 'Whether it was set for this automation (false: the default of a day)' }) isSet: boolean;
  @Field(() => ID, { nullable: true, description: 'Who set it last; null when not set' }) updatedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was set last; null when not set' }) updatedAt: Date | null;
}

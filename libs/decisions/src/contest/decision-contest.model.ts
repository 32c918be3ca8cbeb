import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ContestStatus {
  OPEN = 'open',
  ANSWERED = 'answered',
}
registerEnumType(ContestStatus, {
  name: 'ContestStatus',
  description: "Where a person's contest of a decision stands",
  valuesMap: {
    OPEN: { description: 'Waiting for a human review (a priority item in the review queue)' },
    ANSWERED: { description: 'A reviewer gave a verdict on it (reviewId)' },
  },
});

@ObjectType('DecisionContest', {
  description: "A person's request for human intervention in an automated decision (GDPR Art. 22(3), AI Act Art. 86)",
})
export class DecisionContestModel {
  @Field(() => ID, { description: 'The contest' }) id: string;
  @Field(() => ID, { description: 'The decision contested' }) decisionId: string;
  @Field(() => ContestStatus, { description: 'OPEN until a review answers it' }) status: ContestStatus;
  @Field({ description: "The person's reason, redacted by the automation's rules" }) reason: string;
  @Field(() => String, {
    nullable: true,
    description: 'How to reach the person; null when not given or your role may not read decision inputs',
  })
  contact: string | null;
  @Field({ description: 'Whether a contact was given (also when it is withheld from you)' }) hasContact: boolean;
  @Field(() => ID, { description: 'Who relayed it (a service for its automation, or a compliance officer)' }) contestedBy: string;
  @Field(() => Date, { description: 'When it was made' }) contestedAt: Date;
  @Field(() => Date, { description: 'When its review is due (ATTEST_CONTEST_DEADLINE_MINUTES after it was made, three days by default)' })
  dueAt: Date;
  @Field(() => ID, { nullable: true, description: 'The review that answered it; null while open' }) reviewId: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was answered; null while open' }) resolvedAt: Date | null;
}

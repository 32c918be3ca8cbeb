import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LifecycleApproval', {
  description: 'One approval of a version under review (a high-risk version may need two approvers before it moves to APPROVED)',
})
export class LifecycleApprovalModel {
  @Field(() => ID, { description: 'The compliance officer or admin that approved' }) approverId: string;
  @Field({ description: "Why, in the approver's words" }) rationale: string;
  @Field({ description: 'When, ISO 8601 (UTC)' }) at: Date;
  @Field(() => Int, { description: 'The review round it belongs to: 1 for the first submission, 2 after a resubmission, …' })
  reviewRound: number;
}

/** An approval with the version it approves and its id (the ledger's fact id), as loaded. */
export type VersionApproval = LifecycleApprovalModel & { id: string; subjectId: string };

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { AssignReviewArgs, ReviewItemArgs, ReviewSlaArgs, SetReviewSlaArgs } from '../dto/review.args';
import { ReviewQueueEntryModel, ReviewSlaModel } from '../models/review-queue.model';
import { ReviewWorkflowService } from './review-workflow.service';

@Resolver()
export class ReviewWorkflowResolver {
  constructor(private readonly workflow: ReviewWorkflowService) {}

  @Mutation(() => ReviewQueueEntryModel, {
    description:
      'Claims a review item for yourself, or renews your claim (it lapses after ATTEST_REVIEW_CLAIM_SECONDS); CONFLICT, naming the holder, while someone else holds it; audited',
  })
  @Can('review', 'Decision')
  claimReview(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { id }: ReviewItemArgs) {
    return this.workflow.claim(actor, id);
  }

  @Mutation(() => ReviewQueueEntryModel, {
    description: "Lets go of a review item: your own claim or assignment, or (compliance officers, admins) anyone's; audited",
  })
  @Can('review', 'Decision')
  releaseReview(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { id }: ReviewItemArgs) {
    return this.workflow.release(actor, id);
  }

  @Mutation(() => ReviewQueueEntryModel, {
    description:
      'Assigns a review item to a reviewer (compliance officers, admins), taking it from whoever holds it; held until released or reviewed; audited',
  })
  @Can('assign', 'Decision')
  assignReview(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { id, principalId }: AssignReviewArgs) {
    return this.workflow.assign(actor, id, principalId);
  }

  @Query(() => ReviewSlaModel, { description: "An automation's review SLA (a day when not set)" })
  @Can('read', 'Automation')
  reviewSla(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationId }: ReviewSlaArgs) {
    return this.workflow.sla(actor, automationId);
  }

  @Mutation(() => ReviewSlaModel, {
    description:
      "Sets an automation's review SLA (compliance officers, admins), or with null goes back to a day; open items' due times follow; audited",
  })
  @Can('update', 'ReviewSla')
  setReviewSla(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationId, minutes }: SetReviewSlaArgs) {
    return this.workflow.setSla(actor, automationId, minutes ?? null);
  }
}

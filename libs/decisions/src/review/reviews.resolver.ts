import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { ReviewDecisionArgs, ReviewQueueArgs } from '../dto/review.args';
import type { DecisionReviewEntity } from '../entities/decision-review.entity';
import { DecisionReviewModel } from '../models/decision-review.model';
import { DecisionModel } from '../models/decision.model';
import { ReviewQueueConnection } from '../models/review-queue.model';
import { ReviewsService } from './reviews.service';

/** A review as the Decision.review field hands it out: with whether the reader may see its decision's output. */
export type ReviewView = DecisionReviewEntity & { outputVisible: boolean };

@Resolver(() => DecisionReviewModel)
export class ReviewsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @Query(() => ReviewQueueConnection, {
    description:
      'Decisions awaiting human review: contested ones first (soonest due first), then oldest first, with who holds each and when it is due',
    complexity: pageCost,
  })
  @Can('review', 'Decision')
  reviewQueue(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: ReviewQueueArgs) {
    return this.reviews.queue(actor, args);
  }

  @Mutation(() => DecisionModel, {
    description:
      "A human verdict on a decision: APPROVE, OVERRIDE (with the corrected output, which the active pack judges: POLICY_DENIED when it denies it) or REJECT. Not by the automation's owner; CONFLICT while someone else holds the item, and for a decision already reviewed unless it is contested (the review answers the contest).",
  })
  @Can('review', 'Decision')
  async reviewDecision(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: ReviewDecisionArgs) {
    return (await this.reviews.review(actor, args)).decision;
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description: 'Redacted; null unless the verdict is OVERRIDE and you may read outputs',
  })
  @Can('read', 'Decision')
  correctedOutput(@Parent() review: ReviewView) {
    return review.outputVisible ? review.correctedOutput : null;
  }
}

import { Args, ResolveField, Resolver } from '@nestjs/graphql';
import { ComplianceOverviewModel } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionStats } from './decision-stats.service';
import { DecisionDayCountModel, DecisionsPerDayArgs, ReviewBacklogModel } from './decision-stats.models';

/** The decisions context's part of the compliance overview. */
@Resolver(() => ComplianceOverviewModel)
export class DecisionsOverviewResolver {
  constructor(private readonly stats: DecisionStats) {}

  @ResolveField(() => [DecisionDayCountModel], {
    description: 'Decisions recorded per day (UTC) by status, oldest day first, every day of the range listed (zeros included)',
  })
  @Can('read', 'Decision')
  decisionsPerDay(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DecisionsPerDayArgs) {
    return this.stats.perDay(actor, args.days);
  }

  @ResolveField(() => ReviewBacklogModel, { description: 'Decisions waiting for a human review, and how long the oldest has waited' })
  @Can('read', 'Decision')
  reviewBacklog(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.stats.reviewBacklog(actor);
  }
}

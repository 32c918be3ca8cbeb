import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { automationByIdLoader, AutomationsService } from '@attest/registry';
import { DecisionFieldAccess } from '../access/decision-field-access';
import { contestsOfDecisionLoader } from '../decision.loaders';
import type { DecisionEntity } from '../entities/decision.entity';
import { DecisionModel } from '../models/decision.model';
import { DecisionsService } from '../queries/decisions.service';
import { ContestDecisionArgs } from './contest-decision.args';
import { contestModelOf } from './contest-model';
import { ContestsService } from './contests.service';
import { DecisionContestModel } from './decision-contest.model';

@Resolver(() => DecisionModel)
export class ContestsResolver {
  constructor(
    private readonly contesting: ContestsService,
    private readonly decisions: DecisionsService,
    private readonly automations: AutomationsService,
  ) {}

  @Mutation(() => DecisionContestModel, {
    description:
      "The person's request for human intervention (GDPR Art. 22(3), AI Act Art. 86), relayed by a service for its automation or made by a compliance officer: " +
      'the decision goes back to the review queue as a priority item due within ATTEST_CONTEST_DEADLINE_MINUTES, and decision.contested is announced; ' +
      'CONFLICT while a contest of it is open or for a blocked decision; audited',
  })
  @Can('contest', 'Decision')
  contestDecision(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: ContestDecisionArgs) {
    return this.contesting.contest(actor, args);
  }

  @ResolveField(() => [DecisionContestModel], {
    description: 'Contests by the person decided about, oldest first; the contact only for roles that may read inputs',
  })
  @Can('read', 'Decision')
  async contests(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    const rows = await loaders.get(contestsOfDecisionLoader, actor, this.decisions).load(d.id);
    if (rows.length === 0) return [];
    const automations = loaders.get(automationByIdLoader, actor, this.automations);
    const mayReadContact = await new DecisionFieldAccess(actor.ability, async (id) => (await automations.load(id))?.ownerId ?? null).may(
      d,
      'input',
    );
    return rows.map((row) => contestModelOf(row, mayReadContact));
  }
}

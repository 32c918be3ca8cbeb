import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionsArgs, DecisionsForSubjectArgs } from './dto/decisions.args';
import { RecordDecisionInput } from './dto/record-decision.input';
import { DecisionConnection, DecisionModel, RecordDecisionPayload } from './models/decision.model';
import { DecisionsService } from './queries/decisions.service';
import { DecisionRecorder } from './recording/decision-recorder.service';

@Resolver(() => DecisionModel)
export class DecisionsResolver {
  constructor(
    private readonly recorder: DecisionRecorder,
    private readonly reads: DecisionsService,
  ) {}

  @Mutation(() => RecordDecisionPayload, {
    description:
      'Records one automated outcome, judged by the active policy pack: RECORDED, PENDING_REVIEW or BLOCKED (stored all the same)',
  })
  @Can('create', 'Decision')
  recordDecision(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The decision to record' }) input: RecordDecisionInput,
  ) {
    return this.recorder.record(actor, input);
  }

  @Query(() => DecisionModel, {
    description:
      'One decision by id, with its trace and policy results (roles that may read decisions; auditors see it without inputs and outputs). NOT_FOUND when absent or not visible',
  })
  @Can('read', 'Decision')
  decision(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The decision's id" }) id: string,
  ) {
    return this.reads.get(actor, id);
  }

  @Query(() => DecisionConnection, {
    description: 'The decisions the caller may read, newest first (auditors see them without inputs and outputs)',
    complexity: pageCost,
  })
  @Can('read', 'Decision')
  decisions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DecisionsArgs) {
    return this.reads.list(actor, args);
  }

  @Query(() => DecisionConnection, {
    description: 'Every automated decision about one person, newest first: the answer to a GDPR Art. 22 / AI Act Art. 86 request',
    complexity: pageCost,
  })
  @Can('read', 'Decision')
  decisionsForSubject(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DecisionsForSubjectArgs) {
    return this.reads.forSubject(actor, args);
  }
}

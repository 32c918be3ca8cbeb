import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON, type LoaderRegistry } from '@attest/core';
import { AuditEventModel, AuditService } from '@attest/audit';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import {
  automationByIdLoader,
  AutomationModel,
  AutomationsService,
  automationVersionByIdLoader,
  AutomationVersionModel,
  AutomationVersionsService,
  modelVersionByIdLoader,
  ModelVersionModel,
  ModelVersionsService,
} from '@attest/registry';
import { DecisionFieldAccess } from './access/decision-field-access';
import { auditEventsOfDecisionLoader, explanationOfDecisionLoader, reviewOfDecisionLoader } from './decision.loaders';
import type { DecisionEntity } from './entities/decision.entity';
import { DecisionReviewModel } from './models/decision-review.model';
import { DecisionOutcome, WithheldDecisionField } from './models/decision.enums';
import { DecisionModel } from './models/decision.model';
import { ExplanationStepUnion } from './models/explanation-step.model';
import { PolicyEvaluationModel } from './models/policy-evaluation.model';
import { DecisionsService } from './queries/decisions.service';
import { effectiveOutputOf, outcomeOf } from './review/outcome';
import type { ReviewView } from './review/reviews.resolver';

/** The fields of a decision that need loading, computing, or a field-level access check (DecisionFieldAccess). */
@Resolver(() => DecisionModel)
export class DecisionFieldsResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly automations: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly modelVersions: ModelVersionsService,
    private readonly audit: AuditService,
  ) {}

  @ResolveField(() => GraphQLJSON, { nullable: true, description: 'Redacted; null for roles that may not read inputs' })
  @Can('read', 'Decision')
  input(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).readable(d, 'input');
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description: 'As the automation returned it (redacted); null for roles that may not read outputs',
  })
  @Can('read', 'Decision')
  output(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).readable(d, 'output');
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description: 'Caller facts for the policies (redacted); null for roles that may not read them',
  })
  @Can('read', 'Decision')
  context(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).readable(d, 'context');
  }

  @ResolveField(() => PolicyEvaluationModel, {
    nullable: true,
    description: 'The verdict of the pack that was active when it was recorded; null when the tenant had no active pack',
  })
  @Can('read', 'Decision')
  policyEvaluation(@Parent() d: DecisionEntity): PolicyEvaluationModel | null {
    if (!d.policyPackDigest || !d.policyEffect) return null;
    return { packDigest: d.policyPackDigest, effect: d.policyEffect, matched: d.policyResults } as PolicyEvaluationModel;
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description:
      'The facts the policies judged when it was recorded (redacted as stored), to replay it under another pack (attest policy diff); ' +
      'null when no pack was active. decision.output and context are null for roles that may not read them (see policyFactsWithheld)',
  })
  @Can('read', 'Decision')
  policyFacts(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).policyFacts(d);
  }

  @ResolveField(() => [String], { description: 'The facts in policyFacts your role may not read, given as null: decision.output, context' })
  @Can('read', 'Decision')
  policyFactsWithheld(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).withheldFacts(d);
  }

  @ResolveField(() => [WithheldDecisionField], {
    description: 'The parts of this decision your role may not read, returned as null (empty when you may read it whole)',
  })
  @Can('read', 'Decision')
  withheldFields(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.access(actor, loaders).withheld(d);
  }

  @ResolveField(() => Boolean, { description: 'Whether a subject reference was given (it is stored only as a keyed hash)' })
  @Can('read', 'Decision')
  hasSubject(@Parent() d: DecisionEntity): boolean {
    return d.subjectHash !== null;
  }

  @ResolveField(() => DecisionOutcome, { description: 'The status as settled by a human review' })
  @Can('read', 'Decision')
  async outcome(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return outcomeOf(d, await this.reviewLoader(actor, loaders).load(d.id));
  }

  @ResolveField(() => GraphQLJSON, {
    nullable: true,
    description: 'The output that stands: the corrected one after an override; null when rejected, blocked or awaiting review',
  })
  @Can('read', 'Decision')
  async effectiveOutput(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() d: DecisionEntity,
    @Loaders() loaders: LoaderRegistry,
  ) {
    if (!(await this.access(actor, loaders).may(d, 'output'))) return null;
    return effectiveOutputOf(d, await this.reviewLoader(actor, loaders).load(d.id));
  }

  @ResolveField(() => [ExplanationStepUnion], {
    description:
      'The explanation trace, in order (redacted); for roles that may not read inputs, without the values, prompts and completions it quotes',
    complexity: 5,
  })
  @Can('read', 'Decision')
  async explanation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    const steps = await loaders.get(explanationOfDecisionLoader, actor, this.decisions).load(d.id);
    return this.access(actor, loaders).explanation(d, steps);
  }

  @ResolveField(() => DecisionReviewModel, {
    nullable: true,
    description: 'The human review, once one was given; null while pending or when none was needed',
  })
  @Can('read', 'Decision')
  async review(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() d: DecisionEntity,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ReviewView | null> {
    const review = await this.reviewLoader(actor, loaders).load(d.id);
    return review && { ...review, outputVisible: await this.access(actor, loaders).may(d, 'output') };
  }

  @ResolveField(() => [AuditEventModel], {
    description: 'Its audit trail (recorded, reviewed), oldest first; empty unless you may read audit events',
    complexity: 5,
  })
  @Can('read', 'Decision')
  auditEvents(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(auditEventsOfDecisionLoader, actor, this.audit).load(d.id);
  }

  @ResolveField(() => AutomationModel, { nullable: true, description: 'The automation that made it; null when the caller may not read it' })
  @Can('read', 'Decision')
  automation(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return this.automationLoader(actor, loaders).load(d.automationId);
  }

  @ResolveField(() => AutomationVersionModel, {
    nullable: true,
    description: 'The automation version that made it; null when the caller may not read it',
  })
  @Can('read', 'Decision')
  automationVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(automationVersionByIdLoader, actor, this.automationVersions).load(d.automationVersionId);
  }

  @ResolveField(() => ModelVersionModel, { nullable: true, description: 'Null unless you may read model versions' })
  @Can('read', 'Decision')
  modelVersion(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: DecisionEntity, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(modelVersionByIdLoader, actor, this.modelVersions).load(d.modelVersionId);
  }

  private reviewLoader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get(reviewOfDecisionLoader, actor, this.decisions);
  }

  /** Field-level read rules may test the automation's owner: loaded batched, and only when asked. */
  private access(actor: AuthenticatedPrincipal, loaders: LoaderRegistry): DecisionFieldAccess {
    const automations = this.automationLoader(actor, loaders);
    return new DecisionFieldAccess(actor.ability, async (id) => (await automations.load(id))?.ownerId ?? null);
  }

  private automationLoader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get(automationByIdLoader, actor, this.automations);
  }
}

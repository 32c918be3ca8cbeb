import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, recordAudit, TenantDb, type AttestConfig } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { DecisionFieldAccess } from '../access/decision-field-access';
import { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { decisionsActorMay, OWNER_OF_AUTOMATION, readableDecisions } from '../queries/decision-access';
import { HashKeys } from '../recording/hash-keys';
import { redact } from '../redaction/redact';
import { RedactionRulesService } from '../redaction-rules/redaction-rules.service';
import { outcomeOf } from '../review/outcome';
import { openContestItem } from '../review/review-items';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { WebhookEvent } from '../webhooks/webhook-events';
import { decisionEventPayload } from '../webhooks/webhook-payload';
import type { ContestDecisionArgs } from './contest-decision.args';
import { contestModelOf } from './contest-model';
import { insertContest, openContestOf } from './contests';
import type { DecisionContestModel } from './decision-contest.model';

/**
 * A person's contest of an automated decision (docs/evidence.md "For the person decided about"), relayed
 * by a service for its automation or made by a compliance officer on their behalf. In one transaction:
 * the contest, the decision's review item as a priority item due by the contest's deadline (a reviewed
 * decision gets a new one), the audit event and the `decision.contested` webhook's outbox rows. The
 * reason is redacted like a review's rationale; the contact stays out of the audit trail and webhooks
 * (a keyed digest stands for it there).
 */
@Injectable()
export class ContestsService {
  constructor(
    private readonly db: TenantDb,
    private readonly redactionRules: RedactionRulesService,
    private readonly webhooks: WebhookDispatcher,
    private readonly hashKeys: HashKeys,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async contest(actor: AuthenticatedPrincipal, args: ContestDecisionArgs): Promise<DecisionContestModel> {
    const contact = args.contact ?? null;
    const done = await this.db.transaction(actor.tenantId, async (m) => {
      const { decision, ownerId } = await contestableDecision(m, actor, args.decisionId);
      const openId = await openContestOf(m, decision.id);
      if (openId) throw AttestError.conflict('This decision is already contested and awaits review', { contestId: openId });
      const rules = await this.redactionRules.compiledFor(m, decision.automationId);
      const contest = await insertContest(m, {
        tenantId: actor.tenantId,
        decisionId: decision.id,
        // Free text names people too: redacted by the automation's rules, as a review's rationale is.
        reason: redact(args.reason, rules).value as string,
        contact,
        contestedBy: actor.principalId,
        dueMinutes: this.config.reviews.contestMinutes,
      });
      const item = await openContestItem(m, decision, contest.id, contest.dueAt);
      const review = await m.findOne(DecisionReviewEntity, {
        where: { decisionId: decision.id },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      await recordAudit(m, actor, {
        action: 'decision.contested',
        subjectType: 'Decision',
        subjectId: decision.id,
        before: { outcome: outcomeOf(decision, review) },
        after: {
          contestId: contest.id,
          reason: contest.reason,
          dueAt: item.dueAt,
          hasContact: contact !== null,
          ...(contact !== null ? { contactDigest: this.hashKeys.hash(actor.tenantId, 'contact', contact) } : {}),
        },
      });
      const payload = {
        ...decisionEventPayload(decision, review),
        contest: { id: contest.id, contestedAt: contest.contestedAt, dueAt: item.dueAt, hasContact: contact !== null },
      };
      const deliveryIds = await this.webhooks.record(m, decision, WebhookEvent.DECISION_CONTESTED, payload);
      const mayReadContact = await new DecisionFieldAccess(actor.ability, async () => ownerId).may(decision, 'input');
      return { contest: contestModelOf(contest, mayReadContact), deliveryIds };
    });
    await this.webhooks.dispatch(actor.tenantId, done.deliveryIds);
    return done.contest;
  }
}

/** The decision if the actor may contest it: NOT_FOUND when they may not read it, FORBIDDEN when they only may not contest it. */
async function contestableDecision(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  id: string,
): Promise<{ decision: DecisionEntity; ownerId: string }> {
  const row = await decisionsActorMay(m, actor, 'contest')
    .addSelect(OWNER_OF_AUTOMATION('d'), 'owner_id')
    .andWhere('d.id = :id', { id })
    .getRawAndEntities();
  const decision = row.entities[0];
  if (!decision) {
    if (await readableDecisions(m, actor).andWhere('d.id = :id', { id }).getExists())
      throw AttestError.forbidden('Your role may not contest this decision');
    throw AttestError.notFound('Decision', id);
  }
  if (decision.status === 'blocked')
    throw AttestError.conflict('A blocked decision was never in effect: there is nothing to contest', { status: decision.status });
  return { decision, ownerId: row.raw[0].owner_id as string };
}

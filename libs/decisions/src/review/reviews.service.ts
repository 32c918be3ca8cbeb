import { Injectable } from '@nestjs/common';
import { AttestError, paginate, recordAudit, TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import type { ReviewDecisionArgs, ReviewQueueArgs } from '../dto/review.args';
import { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { readableDecisions } from '../queries/decision-access';
import { redactDecision } from '../recording/redact-decision';
import { redact } from '../redaction/redact';
import { RedactionRulesService } from '../redaction-rules/redaction-rules.service';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { WebhookEvent } from '../webhooks/webhook-events';
import { decisionEventPayload } from '../webhooks/webhook-payload';
import { outcomeOf } from './outcome';

export interface ReviewedDecision {
  decision: DecisionEntity;
  review: DecisionReviewEntity;
  deliveryIds: string[];
}

/** Who owns a decision's automation: a reviewer must not. */
const OWNER_OF_AUTOMATION = (alias: string) => `(SELECT a.owner_id FROM registry_automation_refs a WHERE a.id = ${alias}.automation_id)`;

/**
 * Human review of decisions the policies sent to a person (and, on a reviewer's initiative, of
 * allowed ones). One review per decision; the final outcome is computed from it, never written
 * over the decision. A reviewer may not own the decision's automation, nor have recorded it.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: TenantDb,
    private readonly redactionRules: RedactionRulesService,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** Decisions awaiting review, oldest first; those the reviewer may not review (its automation's, or recorded by it) are left out. */
  queue(actor: AuthenticatedPrincipal, args: ReviewQueueArgs): Promise<Connection<DecisionEntity>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const query = readableDecisions(m, actor)
        .andWhere(`d.status = 'pending_review'`)
        .andWhere('NOT EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = d.id)')
        .andWhere(`${OWNER_OF_AUTOMATION('d')} <> :reviewer`, { reviewer: actor.principalId })
        .andWhere('d.recorded_by <> :reviewer');
      const f = args.filter ?? {};
      if (f.automationId) query.andWhere('d.automation_id = :automationId', { automationId: f.automationId });
      if (f.policyId) {
        query.andWhere('d.policy_results @> :policyMatch::jsonb', {
          policyMatch: JSON.stringify([{ id: f.policyId, effect: 'require_review' }]),
        });
      }
      return paginate(query, args, (d) => d, { column: 'recorded_at', of: (d) => d.recordedAt }, 'oldest');
    });
  }

  async review(actor: AuthenticatedPrincipal, args: ReviewDecisionArgs): Promise<ReviewedDecision> {
    if ((args.verdict === 'override') !== (args.correctedOutput !== undefined && args.correctedOutput !== null)) {
      throw AttestError.validation('correctedOutput is required with the override verdict, and refused with the others', {
        field: 'correctedOutput',
      });
    }
    const reviewed = await this.db.transaction(actor.tenantId, async (m) => {
      const decision = await this.reviewable(m, actor, args.id);
      const rules = await this.redactionRules.compiledFor(m, decision.automationId);
      const corrected =
        args.verdict === 'override'
          ? redactDecision({ input: null, output: args.correctedOutput, context: {}, explanation: [] }, rules)
          : undefined;
      const review = await m.save(
        m.create(DecisionReviewEntity, {
          tenantId: actor.tenantId,
          decisionId: decision.id,
          reviewerId: actor.principalId,
          verdict: args.verdict,
          // Free text can name people too: redacted by the automation's rules, like the decision.
          rationale: redact(args.rationale, rules).value as string,
          correctedOutput: corrected?.document.output ?? null,
          redactions: corrected?.findings ?? [],
        }),
      );
      await recordAudit(m, actor, {
        action: 'decision.reviewed',
        subjectType: 'Decision',
        subjectId: decision.id,
        before: { outcome: outcomeOf(decision, null) },
        after: { outcome: outcomeOf(decision, review), verdict: review.verdict, rationale: review.rationale, reviewId: review.id },
      });
      const deliveryIds = await this.webhooks.record(m, decision, WebhookEvent.DECISION_REVIEWED, decisionEventPayload(decision, review));
      return { decision, review, deliveryIds };
    });
    await this.webhooks.dispatch(actor.tenantId, reviewed.deliveryIds);
    return reviewed;
  }

  /** The decision, if this actor may review it now; otherwise the reason, as a stable error code. */
  private async reviewable(m: EntityManager, actor: AuthenticatedPrincipal, id: string): Promise<DecisionEntity & { ownerId: string }> {
    const row = await readableDecisions(m, actor)
      .addSelect(OWNER_OF_AUTOMATION('d'), 'owner_id')
      .andWhere('d.id = :id', { id })
      .getRawAndEntities();
    const decision = row.entities[0];
    if (!decision) throw AttestError.notFound('Decision', id);
    const ownerId = row.raw[0].owner_id as string;
    if (ownerId === actor.principalId) throw AttestError.forbidden("You own this decision's automation: someone else must review it");
    if (decision.recordedBy === actor.principalId) throw AttestError.forbidden('You recorded this decision: someone else must review it');
    if (decision.status === 'blocked')
      throw AttestError.conflict('A blocked decision was never in effect and cannot be reviewed', { status: decision.status });
    const [existing] = await m.query('SELECT id FROM decision_reviews WHERE decision_id = $1', [id]);
    if (existing) throw AttestError.conflict('This decision has already been reviewed', { reviewId: existing.id });
    return { ...decision, ownerId };
  }
}

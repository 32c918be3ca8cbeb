import { Injectable } from '@nestjs/common';
import { AttestError, paginateSorted, recordAudit, TenantDb, type Connection, type SortKey } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { ReviewDecisionArgs, ReviewQueueArgs } from '../dto/review.args';
import { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { OWNER_OF_AUTOMATION, readableDecisions } from '../queries/decision-access';
import { redactDecision } from '../recording/redact-decision';
import { redact } from '../redaction/redact';
import { RedactionRulesService } from '../redaction-rules/redaction-rules.service';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';
import { WebhookEvent } from '../webhooks/webhook-events';
import { decisionEventPayload } from '../webhooks/webhook-payload';
import { policySummaryOf } from '../recording/policy-summary';
import { resolveContest } from '../contest/contests';
import { CorrectedOutputJudge } from './corrected-output-judge';
import { outcomeOf } from './outcome';
import { reviewEntryOf, type ReviewQueueEntry } from './review-entry';
import { closeReviewItem, heldBySomeoneElse, holderOf, lockReviewItem, reviewItemsOf } from './review-items';
import { reviewableDecision } from './reviewable';

/**
 * The queue's order: contested items first, soonest due first; then the others, oldest first. One
 * text key (a rank and a UTC timestamp with milliseconds, which sort as text) so that keyset paging holds.
 */
const QUEUE_ORDER: SortKey<DecisionEntity> = {
  name: 'priority',
  sql: (d) => `(CASE WHEN i.contest_id IS NOT NULL THEN '0' || to_char(i.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')
    ELSE '1' || to_char(${d}.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') END)`,
  direction: 'ASC',
};

export interface ReviewedDecision {
  decision: DecisionEntity;
  review: DecisionReviewEntity;
  deliveryIds: string[];
}

/**
 * Human review of decisions the policies sent to a person (and, on a reviewer's initiative, of
 * allowed ones). One review per decision; the final outcome is computed from it, never written
 * over the decision. A reviewer may not own the decision's automation, nor have recorded it, nor
 * review an item someone else holds (review-workflow.service.ts); the review closes the item.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: TenantDb,
    private readonly redactionRules: RedactionRulesService,
    private readonly webhooks: WebhookDispatcher,
    private readonly correctedOutputs: CorrectedOutputJudge,
  ) {}

  /** Decisions awaiting review, oldest first; those the reviewer may not review (its automation's, or recorded by it) are left out. */
  queue(actor: AuthenticatedPrincipal, args: ReviewQueueArgs): Promise<Connection<ReviewQueueEntry>> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const query = readableDecisions(m, actor)
        .innerJoin('review_items', 'i', 'i.decision_id = d.id')
        .andWhere(`${OWNER_OF_AUTOMATION('d')} <> :reviewer`, { reviewer: actor.principalId })
        .andWhere('d.recorded_by <> :reviewer');
      const f = args.filter ?? {};
      if (f.automationId) query.andWhere('d.automation_id = :automationId', { automationId: f.automationId });
      if (f.policyId) {
        query.andWhere('d.policy_results @> :policyMatch::jsonb', {
          policyMatch: JSON.stringify([{ id: f.policyId, effect: 'require_review' }]),
        });
      }
      if (f.holderId) {
        query.andWhere('i.claimed_by = :holder AND (i.claim_expires_at IS NULL OR i.claim_expires_at > clock_timestamp())', {
          holder: f.holderId,
        });
      }
      if (f.overdue !== undefined) query.andWhere(`i.due_at ${f.overdue ? '<=' : '>'} clock_timestamp()`);
      const page = await paginateSorted(query, args, (d) => d, QUEUE_ORDER);
      const items = await reviewItemsOf(
        m,
        page.edges.map((e) => e.node.id),
      );
      const now = new Date();
      return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: reviewEntryOf(node, items.get(node.id)!, now) })) };
    });
  }

  async review(actor: AuthenticatedPrincipal, args: ReviewDecisionArgs): Promise<ReviewedDecision> {
    if ((args.verdict === 'override') !== (args.correctedOutput !== undefined && args.correctedOutput !== null)) {
      throw AttestError.validation('correctedOutput is required with the override verdict, and refused with the others', {
        field: 'correctedOutput',
      });
    }
    const reviewed = await this.db.transaction(actor.tenantId, async (m) => {
      const decision = await reviewableDecision(m, actor, args.id);
      const item = await lockReviewItem(m, decision.id);
      const holder = item && holderOf(item);
      if (holder && holder !== actor.principalId) throw heldBySomeoneElse(item, holder);
      const rules = await this.redactionRules.compiledFor(m, decision.automationId);
      const corrected =
        args.verdict === 'override'
          ? redactDecision({ input: null, output: args.correctedOutput, context: {}, explanation: [] }, rules)
          : undefined;
      // The corrected output is an output too: the active pack judges it as it judged the decision's.
      const verdict = corrected && (await this.correctedOutputs.judge(m, actor, decision, corrected));
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
          contestId: decision.openContestId,
        }),
      );
      await closeReviewItem(m, decision.id);
      if (decision.openContestId) await resolveContest(m, decision.openContestId, review.id);
      await recordAudit(m, actor, {
        action: 'decision.reviewed',
        subjectType: 'Decision',
        subjectId: decision.id,
        before: { outcome: outcomeOf(decision, null) },
        after: {
          outcome: outcomeOf(decision, review),
          verdict: review.verdict,
          rationale: review.rationale,
          reviewId: review.id,
          ...(decision.openContestId ? { contestId: decision.openContestId } : {}),
          ...(verdict ? { correctedOutputPolicy: policySummaryOf(verdict) } : {}),
        },
      });
      const deliveryIds = await this.webhooks.record(m, decision, WebhookEvent.DECISION_REVIEWED, decisionEventPayload(decision, review));
      return { decision, review, deliveryIds };
    });
    await this.webhooks.dispatch(actor.tenantId, reviewed.deliveryIds);
    return reviewed;
  }
}

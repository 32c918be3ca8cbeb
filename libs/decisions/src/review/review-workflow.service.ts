import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, recordAudit, TenantDb, type AttestConfig } from '@attest/core';
import { Authenticator, subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import type { ReviewSlaModel } from '../models/review-queue.model';
import { readableDecisions } from '../queries/decision-access';
import { reviewEntryOf, type ReviewQueueEntry } from './review-entry';
import { heldBySomeoneElse, holderOf, holdReviewItem, lockReviewItem, releaseReviewItem, type ReviewItem } from './review-items';
import { reviewableDecision } from './reviewable';

/** A day: the review SLA of an automation that has none set (ReviewWorkflow1765267200000). */
export const DEFAULT_SLA_MINUTES = 24 * 60;

/**
 * Who works which review item (docs/api.md "Review workflow"): a reviewer claims an item (the
 * claim lapses after ATTEST_REVIEW_CLAIM_SECONDS unless claimed again), a compliance officer or admin
 * assigns it (held until released or reviewed) or releases anyone's; nobody takes over an item
 * someone else holds. Each change of holder is audited; renewing one's own claim is not.
 */
@Injectable()
export class ReviewWorkflowService {
  constructor(
    private readonly db: TenantDb,
    private readonly authenticator: Authenticator,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  claim(actor: AuthenticatedPrincipal, decisionId: string): Promise<ReviewQueueEntry> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const decision = await reviewableDecision(m, actor, decisionId);
      const item = await openItem(m, decisionId);
      const holder = holderOf(item);
      if (holder && holder !== actor.principalId) throw heldBySomeoneElse(item, holder);
      if (holder === actor.principalId && item.assignedBy) return reviewEntryOf(decision, item); // assigned: nothing lapses
      const held = await holdReviewItem(m, decisionId, actor.principalId, { seconds: this.config.reviews.claimSeconds });
      if (holder !== actor.principalId) await audit(m, actor, 'decision.review_claimed', item, held);
      return reviewEntryOf(decision, held);
    });
  }

  release(actor: AuthenticatedPrincipal, decisionId: string): Promise<ReviewQueueEntry> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const decision = await this.readable(m, actor, decisionId);
      const item = await openItem(m, decisionId);
      const holder = holderOf(item);
      if (!holder) return reviewEntryOf(decision, item);
      if (holder !== actor.principalId && !actor.ability.can('assign', subjectOf('Decision', decision)))
        throw AttestError.forbidden(`Principal ${holder} holds this review: only they, a compliance officer or an admin may release it`);
      const released = await releaseReviewItem(m, decisionId);
      await audit(m, actor, 'decision.review_released', item, released);
      return reviewEntryOf(decision, released);
    });
  }

  assign(actor: AuthenticatedPrincipal, decisionId: string, principalId: string): Promise<ReviewQueueEntry> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const decision = await this.readable(m, actor, decisionId);
      const assignee = await this.assignee(actor, principalId);
      await reviewableDecision(m, assignee, decisionId, 'They').catch((error: unknown) => {
        if (error instanceof AttestError && error.code === 'FORBIDDEN')
          throw AttestError.validation(`principalId: ${error.message}`, { field: 'principalId' });
        throw error;
      });
      const item = await openItem(m, decisionId);
      const held = await holdReviewItem(m, decisionId, principalId, { assignedBy: actor.principalId });
      await audit(m, actor, 'decision.review_assigned', item, held);
      return reviewEntryOf(decision, held);
    });
  }

  sla(actor: AuthenticatedPrincipal, automationId: string): Promise<ReviewSlaModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      await assertAutomation(m, automationId);
      return slaOf(m, automationId);
    });
  }

  /** Sets (or, with null, unsets) an automation's review SLA; the open items' due times follow. */
  setSla(actor: AuthenticatedPrincipal, automationId: string, minutes: number | null): Promise<ReviewSlaModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      await assertAutomation(m, automationId);
      const before = await slaOf(m, automationId);
      if (minutes === null) await m.query('DELETE FROM review_settings WHERE automation_id = $1', [automationId]);
      else
        await m.query(
          `INSERT INTO review_settings (automation_id, tenant_id, sla_minutes, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (automation_id) DO UPDATE SET sla_minutes = excluded.sla_minutes, updated_by = excluded.updated_by,
             updated_at = clock_timestamp()`,
          [automationId, actor.tenantId, minutes, actor.principalId],
        );
      const effective = minutes ?? DEFAULT_SLA_MINUTES;
      // A contested item keeps the contest's deadline: the SLA is the automation's, the contest the person's.
      await m.query(
        `UPDATE review_items SET due_at = recorded_at + make_interval(mins => $2), changed_at = clock_timestamp()
          WHERE automation_id = $1 AND contest_id IS NULL`,
        [automationId, effective],
      );
      await recordAudit(m, actor, {
        action: 'automation.review_sla_set',
        subjectType: 'Automation',
        subjectId: automationId,
        before: { minutes: before.minutes, isSet: before.isSet },
        after: { minutes: effective, isSet: minutes !== null },
      });
      return slaOf(m, automationId);
    });
  }

  /** The decision, as the actor may read it (releasing or assigning needs no right to review it oneself). */
  private async readable(m: EntityManager, actor: AuthenticatedPrincipal, decisionId: string): Promise<DecisionEntity> {
    const decision = await readableDecisions(m, actor).andWhere('d.id = :id', { id: decisionId }).getOne();
    if (!decision) throw AttestError.notFound('Decision', decisionId);
    return decision;
  }

  /** The principal to assign to, as a request of theirs would be authorised now. */
  private async assignee(actor: AuthenticatedPrincipal, principalId: string): Promise<AuthenticatedPrincipal> {
    const assignee = await this.authenticator.principalFor(actor.tenantId, principalId, actor.correlationId).catch(() => undefined);
    if (!assignee) throw AttestError.validation(`principalId: no active principal ${principalId} in this tenant`, { field: 'principalId' });
    if (!assignee.ability.can('review', 'Decision'))
      throw AttestError.validation(`principalId: principal ${principalId} may not review decisions`, { field: 'principalId' });
    return assignee;
  }
}

/** The open item, or CONFLICT: the decision is not (or no longer) awaiting review. */
async function openItem(m: EntityManager, decisionId: string): Promise<ReviewItem> {
  const item = await lockReviewItem(m, decisionId);
  if (!item) throw AttestError.conflict('This decision is not awaiting review', { decisionId });
  return item;
}

async function audit(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  action: string,
  before: ReviewItem,
  after: ReviewItem,
): Promise<void> {
  const holding = (i: ReviewItem) => ({ holderId: holderOf(i), assignedBy: holderOf(i) ? i.assignedBy : null });
  await recordAudit(m, actor, {
    action,
    subjectType: 'Decision',
    subjectId: after.decisionId,
    before: holding(before),
    after: holding(after),
  });
}

async function assertAutomation(m: EntityManager, automationId: string): Promise<void> {
  const [automation] = await m.query('SELECT id FROM registry_automation_refs WHERE id = $1', [automationId]);
  if (!automation) throw AttestError.notFound('Automation', automationId);
}

async function slaOf(m: EntityManager, automationId: string): Promise<ReviewSlaModel> {
  const [row]: { minutes: number; updatedBy: string; updatedAt: Date }[] = await m.query(
    `SELECT sla_minutes AS minutes, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM review_settings WHERE automation_id = $1`,
    [automationId],
  );
  return row
    ? { automationId, minutes: row.minutes, isSet: true, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
    : { automationId, minutes: DEFAULT_SLA_MINUTES, isSet: false, updatedBy: null, updatedAt: null };
}

import { Injectable } from '@nestjs/common';
import { recordAudit, TenantDb } from '@attest/core';
import { In } from 'typeorm';
import { DecisionEntity } from '../../entities/decision.entity';
import { WebhookDispatcher } from '../../webhooks/webhook-dispatcher.service';
import { WebhookEvent } from '../../webhooks/webhook-events';
import { decisionEventPayload } from '../../webhooks/webhook-payload';

/** Items announced per transaction: a backlog of thousands is announced in several, none of them long. */
const BATCH = 200;

/**
 * Announces the review items past their due time, once each: marks them (overdue_at), writes the
 * audit event `decision.review_overdue` (no actor) and the `decision.review_overdue` webhook's
 * outbox rows in one transaction, then dispatches. An item announced stays announced, whatever
 * later SLA changes do to its due time.
 */
@Injectable()
export class ReviewOverdueService {
  constructor(
    private readonly db: TenantDb,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** Returns how many items it announced. */
  async announce(tenantId: string, correlationId: string): Promise<number> {
    let announced = 0;
    for (;;) {
      const batch = await this.db.transaction(tenantId, async (m) => {
        const [rows]: [{ decision_id: string; due_at: Date }[], number] = await m.query(
          `UPDATE review_items i SET overdue_at = clock_timestamp(), changed_at = clock_timestamp()
            WHERE i.decision_id IN (SELECT decision_id FROM review_items
                                     WHERE overdue_at IS NULL AND due_at <= clock_timestamp()
                                     ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING i.decision_id, i.due_at`,
        );
        const decisions = await m.findBy(DecisionEntity, { id: In(rows.map((r) => r.decision_id)) });
        const dueAt = new Map(rows.map((r) => [r.decision_id, r.due_at]));
        const deliveryIds: string[] = [];
        for (const decision of decisions) {
          const due = dueAt.get(decision.id)!;
          await recordAudit(
            m,
            { tenantId, principalId: null, correlationId },
            { action: 'decision.review_overdue', subjectType: 'Decision', subjectId: decision.id, before: null, after: { dueAt: due } },
          );
          const payload = { ...decisionEventPayload(decision), review: { dueAt: due } };
          deliveryIds.push(...(await this.webhooks.record(m, decision, WebhookEvent.DECISION_REVIEW_OVERDUE, payload)));
        }
        return { count: rows.length, deliveryIds };
      });
      await this.webhooks.dispatch(tenantId, batch.deliveryIds);
      announced += batch.count;
      if (batch.count < BATCH) return announced;
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { PolicyVerdict } from '@attest/core';
import { attestMeter } from '@attest/observability';
import type { DecisionStatus } from '../entities/decision.entity';

/**
 * The decisions context's metrics (docs/monitoring.md "Metrics"). Labels are tenant and automation
 * ids (bounded: a tenant registers its automations), statuses, policy ids and effects (bounded by
 * the active pack), webhook events: never a decision, subject or principal.
 */
@Injectable()
export class DecisionMetrics {
  private readonly meter = attestMeter('decisions');
  private readonly decisions = this.meter.createCounter('attest.decisions.recorded', {
    description: 'Decisions written (replays of an idempotency key are not counted), by tenant, automation and status',
  });
  private readonly policyEffects = this.meter.createCounter('attest.policy.effects', {
    description: 'Policies that matched a recorded decision, by tenant, policy id and the effect it asked for',
  });
  private readonly webhookFailures = this.meter.createCounter('attest.webhooks.delivery_failures', {
    description: 'Webhook delivery attempts that failed, by event and whether it was the last attempt (final="true": given up)',
  });

  /** Called once the decisions' statement has run (in its transaction: a rollback after it still counts them). */
  recorded(decision: { tenantId: string; automationId: string; status: DecisionStatus }, matched: PolicyVerdict['matched']): void {
    const tenant = { tenant_id: decision.tenantId };
    this.decisions.add(1, { ...tenant, automation_id: decision.automationId, status: decision.status });
    for (const policy of matched) this.policyEffects.add(1, { ...tenant, policy_id: policy.id, effect: policy.effect });
  }

  deliveryFailed(event: string, final: boolean): void {
    this.webhookFailures.add(1, { event, final: String(final) });
  }
}

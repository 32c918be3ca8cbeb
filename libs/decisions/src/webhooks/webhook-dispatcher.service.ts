import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { JobQueue } from '@attest/jobs';
import type { EntityManager } from 'typeorm';
import { WEBHOOK_DELIVERY_JOB } from './webhook-delivery.job';

/**
 * Hands committed deliveries to the job queue. The deliveries are already durable (written with the
 * fact they announce): if enqueueing fails here, the outbox sweeper enqueues them later. The job id
 * is the delivery id, so a delivery is never queued twice while its job is known.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: JobQueue,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  /** Outbox rows for an event about a decision, one per active subscription of its automation to that event. */
  async record(
    m: EntityManager,
    decision: { tenantId: string; automationId: string; id: string },
    event: string,
    payload: Record<string, unknown>,
  ): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
       SELECT $1, s.id, $2, $3::text, $4::jsonb FROM webhook_subscriptions s
        WHERE s.automation_id = $5 AND s.active AND $3::text = ANY (s.events)
       RETURNING id`,
      [decision.tenantId, decision.id, event, JSON.stringify(payload), decision.automationId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Outbox rows for a drift monitor's state change (monitor.alert, monitor.recovered), one per active
   * subscription of the monitor's automation to that event; dispatch them after commit, as above.
   */
  async recordMonitorEvent(
    m: EntityManager,
    monitor: { tenantId: string; automationId: string; id: string },
    event: 'monitor.alert' | 'monitor.recovered',
    payload: Record<string, unknown>,
  ): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO webhook_deliveries (tenant_id, subscription_id, monitor_id, event, payload)
       SELECT $1, s.id, $2, $3::text, $4::jsonb FROM webhook_subscriptions s
        WHERE s.automation_id = $5 AND s.active AND $3::text = ANY (s.events)
       RETURNING id`,
      [monitor.tenantId, monitor.id, event, JSON.stringify(payload), monitor.automationId],
    );
    return rows.map((r) => r.id);
  }

  /** Call after the transaction that wrote the deliveries has committed. Never throws. */
  async dispatch(tenantId: string, deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const { attempts, backoffMs } = this.config.webhooks;
    try {
      await this.jobs.enqueueMany(
        WEBHOOK_DELIVERY_JOB,
        deliveryIds.map((deliveryId) => ({ data: { tenantId, deliveryId }, options: { jobId: deliveryId, attempts, backoffMs } })),
      );
    } catch (error) {
      this.logger.warn(`Could not enqueue ${deliveryIds.length} webhook deliveries now (the sweeper will): ${(error as Error).message}`);
    }
  }
}

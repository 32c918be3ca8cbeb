import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import { DecisionMetrics } from '../metrics/decision-metrics';
import { HashKeys } from '../recording/hash-keys';
import { open } from '../sealing/secret-box';
import { WEBHOOK_DELIVERY_JOB, type WebhookJob } from './webhook-delivery.job';
import { WebhookTargetResolver } from './target/webhook-target-resolver';
import { sendWebhook, type WebhookResult } from './webhook-sender';
import { signedWebhookHeaders } from './webhook-signature';
import { WebhookDeliveryAttemptEntity } from './entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

/** The key that seals webhook secrets at rest. */
export const WEBHOOK_SECRET_KEY_LABEL = 'webhook-secrets';

/**
 * Delivers one webhook per job: POST the signed payload, record the attempt, and either settle the
 * delivery or throw so the queue retries it with backoff. Idempotent: a delivery that is no longer
 * pending (a duplicate job, a retry after a crash) is left alone.
 */
@Injectable()
export class WebhookDeliveryHandler implements JobHandler<WebhookJob>, OnModuleInit {
  readonly queue = WEBHOOK_DELIVERY_JOB.queue;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly db: TenantDb,
    private readonly keys: HashKeys,
    private readonly targets: WebhookTargetResolver,
    private readonly metrics: DecisionMetrics,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<WebhookJob>): Promise<void> {
    const { tenantId, deliveryId } = job.data;
    const target = await this.db.transaction(tenantId, async (m) => {
      const delivery = await m.findOneBy(WebhookDeliveryEntity, { id: deliveryId });
      const subscription = delivery && (await m.findOneBy(WebhookSubscriptionEntity, { id: delivery.subscriptionId }));
      return delivery && subscription ? { delivery, subscription } : undefined;
    });
    if (!target || target.delivery.status !== 'pending') return;
    const { delivery, subscription } = target;
    if (!subscription.active) {
      await this.settle(tenantId, delivery, 'failed', { ok: false, statusCode: null, durationMs: 0, error: 'subscription deactivated' });
      return;
    }
    const result = await this.post(delivery, subscription);
    const lastAttempt = job.attempt >= job.maxAttempts;
    if (!result.ok) this.metrics.deliveryFailed(delivery.event, lastAttempt);
    await this.settle(tenantId, delivery, result.ok ? 'delivered' : lastAttempt ? 'failed' : 'pending', result);
    if (!result.ok && !lastAttempt) throw new Error(`Webhook delivery ${delivery.id} failed: ${result.error}`);
  }

  /** Checked again here, on the addresses the host resolves to now: the URL was checked at subscription, DNS may answer otherwise today. */
  private async post(delivery: WebhookDeliveryEntity, subscription: WebhookSubscriptionEntity): Promise<WebhookResult> {
    const resolved = await this.targets.resolve(subscription.url);
    if ('refused' in resolved) return { ok: false, statusCode: null, durationMs: 0, error: resolved.refused };
    const body = JSON.stringify({ id: delivery.id, event: delivery.event, ...delivery.payload });
    const secret = open(this.keys.derive(WEBHOOK_SECRET_KEY_LABEL), subscription.secretSealed);
    return sendWebhook({
      url: resolved.target.url,
      address: resolved.address,
      body,
      headers: {
        'content-type': 'application/json',
        ...signedWebhookHeaders({ secret, body, deliveryId: delivery.id, event: delivery.event }),
      },
      timeoutMs: this.config.webhooks.timeoutMs,
    });
  }

  private settle(
    tenantId: string,
    delivery: WebhookDeliveryEntity,
    status: WebhookDeliveryEntity['status'],
    result: WebhookResult,
  ): Promise<void> {
    return this.db.transaction(tenantId, async (m) => {
      const [{ attempts }]: { attempts: number }[] = await m.query(
        // A CTE, so that TypeORM returns the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
        `WITH u AS (
           UPDATE webhook_deliveries SET attempts = attempts + 1, status = $2,
                  completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE clock_timestamp() END
            WHERE id = $1 RETURNING attempts)
         SELECT attempts FROM u`,
        [delivery.id, status],
      );
      await m.insert(WebhookDeliveryAttemptEntity, {
        tenantId,
        deliveryId: delivery.id,
        attempt: attempts,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        error: result.error,
        responseSnippet: null,
      });
    });
  }
}

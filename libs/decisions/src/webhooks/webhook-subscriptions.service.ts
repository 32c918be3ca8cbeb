import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, paginate, recordAudit, TenantDb, type AttestConfig, type Connection } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { AutomationsService } from '@attest/registry';
import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { HashKeys } from '../recording/hash-keys';
import { seal } from '../sealing/secret-box';
import { WebhookTargetPolicy } from './target/webhook-target-policy';
import { WEBHOOK_SECRET_KEY_LABEL } from './webhook-delivery.handler';
import type { CreateWebhookSubscriptionInput } from './dto/create-webhook-subscription.input';
import type { WebhookDeliveriesArgs } from './dto/webhook-deliveries.args';
import { WebhookDeliveryAttemptEntity } from './entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

const snapshot = (s: WebhookSubscriptionEntity) => ({ automationId: s.automationId, url: s.url, events: s.events, active: s.active });

/** Subscriptions are managed, and their deliveries read, by whoever may change the automation (its owner, an admin). */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly automations: AutomationsService,
    private readonly keys: HashKeys,
    private readonly targets: WebhookTargetPolicy,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async create(
    actor: AuthenticatedPrincipal,
    input: CreateWebhookSubscriptionInput,
  ): Promise<{ subscription: WebhookSubscriptionEntity; secret: string }> {
    await this.assertManages(actor, input.automationId);
    const refusal = this.targets.refusalOfUrl(input.url);
    if (refusal) throw AttestError.validation(refusal, { field: 'url' });
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const subscription = await this.db.transaction(actor.tenantId, async (m) => {
      await this.assertBelowCap(m, input.automationId);
      const saved = await m.save(
        m.create(WebhookSubscriptionEntity, {
          tenantId: actor.tenantId,
          automationId: input.automationId,
          url: input.url,
          events: input.events,
          active: true,
          secretSealed: seal(this.keys.derive(WEBHOOK_SECRET_KEY_LABEL), secret),
          createdBy: actor.principalId,
        }),
      );
      await recordAudit(m, actor, {
        action: 'webhook_subscription.created',
        subjectType: 'WebhookSubscription',
        subjectId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
    return { subscription, secret };
  }

  async deactivate(actor: AuthenticatedPrincipal, id: string): Promise<WebhookSubscriptionEntity> {
    const existing = await this.find(actor, id);
    await this.assertManages(actor, existing.automationId);
    return this.db.transaction(actor.tenantId, async (m) => {
      const before = await m.findOneByOrFail(WebhookSubscriptionEntity, { id });
      if (!before.active) return before;
      const after = await m.save(WebhookSubscriptionEntity, { ...before, active: false });
      await recordAudit(m, actor, {
        action: 'webhook_subscription.deactivated',
        subjectType: 'WebhookSubscription',
        subjectId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async list(actor: AuthenticatedPrincipal, automationId: string): Promise<WebhookSubscriptionEntity[]> {
    await this.assertManages(actor, automationId);
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(WebhookSubscriptionEntity, { where: { automationId }, order: { createdAt: 'DESC' } }),
    );
  }

  async deliveries(actor: AuthenticatedPrincipal, args: WebhookDeliveriesArgs): Promise<Connection<WebhookDeliveryEntity>> {
    const subscription = await this.find(actor, args.subscriptionId);
    await this.assertManages(actor, subscription.automationId);
    return this.db.transaction(actor.tenantId, (m) => {
      const query = m.createQueryBuilder(WebhookDeliveryEntity, 'w').where('w.subscription_id = :id', { id: subscription.id });
      if (args.status) query.andWhere('w.status = :status', { status: args.status });
      return paginate(query, args, (w) => w);
    });
  }

  /** Batch load for the attempts of deliveries the actor listed. */
  attemptsOf(actor: AuthenticatedPrincipal, deliveryIds: readonly string[]): Promise<WebhookDeliveryAttemptEntity[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(WebhookDeliveryAttemptEntity, { where: { deliveryId: In([...deliveryIds]) }, order: { attemptedAt: 'ASC', attempt: 'ASC' } }),
    );
  }

  /** Each subscription is a stream of outgoing requests: an automation gets a bounded number. */
  private async assertBelowCap(m: EntityManager, automationId: string): Promise<void> {
    // Serialises creations for one automation, so two at once cannot both pass the count.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('attest.webhook_subscriptions.' || $1))`, [automationId]);
    const limit = this.config.webhooks.maxSubscriptionsPerAutomation;
    const active = await m.countBy(WebhookSubscriptionEntity, { automationId, active: true });
    if (active >= limit) {
      throw AttestError.conflict(
        `An automation may have at most ${limit} active webhook subscriptions (ATTEST_WEBHOOK_MAX_SUBSCRIPTIONS); deactivate one first`,
        { limit },
      );
    }
  }

  private async find(actor: AuthenticatedPrincipal, id: string): Promise<WebhookSubscriptionEntity> {
    const found = await this.db.transaction(actor.tenantId, (m) => m.findOneBy(WebhookSubscriptionEntity, { id }));
    if (!found) throw AttestError.notFound('WebhookSubscription', id);
    return found;
  }

  private async assertManages(actor: AuthenticatedPrincipal, automationId: string): Promise<void> {
    const automation = await this.automations.get(actor, automationId);
    if (!actor.ability.can('update', subjectOf('Automation', automation))) {
      throw AttestError.forbidden("Only the automation's owner or an admin manages its webhooks");
    }
  }
}

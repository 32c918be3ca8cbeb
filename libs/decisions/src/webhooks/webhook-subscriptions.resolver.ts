import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { defineLoader, groupByKeys, pageCost, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { CreateWebhookSubscriptionInput } from './dto/create-webhook-subscription.input';
import { WebhookDeliveriesArgs } from './dto/webhook-deliveries.args';
import { CreatedWebhookSubscription } from './models/created-webhook-subscription.model';
import { WebhookDeliveryAttemptModel, toAttemptModel } from './models/webhook-delivery-attempt.model';
import { WebhookDeliveryConnection, WebhookDeliveryModel } from './models/webhook-delivery.model';
import { WebhookSubscriptionModel } from './models/webhook-subscription.model';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Defined beside its only user; the token keeps its name unique like any other loader. */
const attemptsOfWebhookDeliveryLoader = defineLoader({
  name: 'webhookDelivery.attempts',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    service: WebhookSubscriptionsService,
  ): Promise<WebhookDeliveryAttemptModel[][]> =>
    groupByKeys(ids, (await service.attemptsOf(actor, ids)).map(toAttemptModel), (a) => a.deliveryId),
});

@Resolver(() => WebhookDeliveryModel)
export class WebhookSubscriptionsResolver {
  constructor(private readonly service: WebhookSubscriptionsService) {}

  @Mutation(() => CreatedWebhookSubscription, {
    description: "Subscribes a URL to an automation's decision events; the signing secret is returned once",
  })
  @Can('update', 'Automation')
  createWebhookSubscription(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The automation, URL and events' }) input: CreateWebhookSubscriptionInput,
  ) {
    return this.service.create(actor, input);
  }

  @Mutation(() => WebhookSubscriptionModel, { description: 'Stops deliveries to the subscription; pending ones fail' })
  @Can('update', 'Automation')
  deactivateWebhookSubscription(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: 'The subscription to stop' }) id: string,
  ) {
    return this.service.deactivate(actor, id);
  }

  @Query(() => [WebhookSubscriptionModel], {
    description: 'The webhook subscriptions of an automation, newest first (its owner or an admin)',
  })
  @Can('update', 'Automation')
  webhookSubscriptions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('automationId', { type: () => ID, description: 'The automation whose subscriptions to list' }) automationId: string,
  ) {
    return this.service.list(actor, automationId);
  }

  @Query(() => WebhookDeliveryConnection, { description: "A subscription's deliveries, newest first", complexity: pageCost })
  @Can('update', 'Automation')
  webhookDeliveries(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: WebhookDeliveriesArgs) {
    return this.service.deliveries(actor, args);
  }

  @ResolveField(() => [WebhookDeliveryAttemptModel], { description: 'Every HTTP attempt, oldest first', complexity: 5 })
  @Can('update', 'Automation')
  attemptLog(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() delivery: WebhookDeliveryEntity,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders.get(attemptsOfWebhookDeliveryLoader, actor, this.service).load(delivery.id);
  }
}

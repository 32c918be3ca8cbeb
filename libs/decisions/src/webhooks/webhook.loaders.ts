import { defineLoader, groupByKeys } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { toAttemptModel, type WebhookDeliveryAttemptModel } from './webhook-subscriptions.dto';
import type { WebhookSubscriptionsService } from './webhook-subscriptions.service';

export const attemptsOfWebhookDeliveryLoader = defineLoader({
  name: 'webhookDelivery.attempts',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: WebhookSubscriptionsService): Promise<WebhookDeliveryAttemptModel[][]> =>
    groupByKeys(ids, (await service.attemptsOf(actor, ids)).map(toAttemptModel), (a) => a.deliveryId),
});

import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookSubscriptionModel } from './webhook-subscription.model';

@ObjectType('CreatedWebhookSubscription', { description: 'A new subscription with its signing secret, which is never shown again' })
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscriptionModel, { description: 'The subscription as stored' }) subscription: WebhookSubscriptionModel;
  @Field({ description: 'The signing secret, shown this once: store it with the receiver (docs/jobs.md, signature scheme)' })
  secret: string;
}

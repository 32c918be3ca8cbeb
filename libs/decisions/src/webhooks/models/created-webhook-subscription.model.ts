import { Field, ObjectType } from '@nestjs/graphql';
import { WebhookSubscriptionModel } from './webhook-subscription.model';

@ObjectType('CreatedWebhookSubscription')
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscriptionModel) subscription: WebhookSubscriptionModel;
  @Field({ description: 'The signing secret, shown this once: store it with the receiver (docs/jobs.md, signature scheme)' })
  secret: string;
}

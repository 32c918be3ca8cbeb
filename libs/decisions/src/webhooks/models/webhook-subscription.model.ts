import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WebhookEvent } from '../webhook-events';

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) automationId: string;
  @Field() url: string;
  @Field(() => [WebhookEvent]) events: WebhookEvent[];
  @Field() active: boolean;
  @Field(() => ID) createdBy: string;
  @Field() createdAt: Date;
}

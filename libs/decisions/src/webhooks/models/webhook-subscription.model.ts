import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WebhookEvent } from '../webhook-events';

@ObjectType('WebhookSubscription', { description: "Where an automation's decision events are posted, signed with a secret shown once" })
export class WebhookSubscriptionModel {
  @Field(() => ID, { description: "The subscription's id (UUID)" }) id: string;
  @Field(() => ID, { description: 'The automation whose decisions it announces' }) automationId: string;
  @Field({ description: 'The http(s) URL the events are posted to' }) url: string;
  @Field(() => [WebhookEvent], { description: 'The events it receives' }) events: WebhookEvent[];
  @Field({ description: 'False once deactivated: nothing more is delivered' }) active: boolean;
  @Field(() => ID, { description: 'The principal that created it' }) createdBy: string;
  @Field({ description: 'When it was created, ISO 8601 (UTC)' }) createdAt: Date;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { WebhookEvent } from '../webhook-events';

@ObjectType('WebhookDelivery', { description: 'One event to deliver to one subscription, retried until delivered or out of attempts' })
export class WebhookDeliveryModel {
  @Field(() => ID, { description: "The delivery's id (UUID); receivers see it in the payload to drop duplicates" }) id: string;
  @Field(() => ID, { description: 'The subscription it goes to' }) subscriptionId: string;
  @Field(() => ID, { nullable: true, description: 'The decision it announces; null for a monitor event' }) decisionId: string | null;
  @Field(() => ID, { nullable: true, description: 'The drift monitor whose state change it announces; null for a decision event' })
  monitorId: string | null;
  @Field(() => WebhookEvent, { description: 'What happened' }) event: WebhookEvent;
  @Field({ description: 'pending (retrying), delivered, or failed (attempts exhausted)' }) status: string;
  @Field(() => Int, { description: 'HTTP attempts made so far' }) attempts: number;
  @Field({ description: 'When the event happened and the delivery was queued, ISO 8601 (UTC)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was delivered or given up; null while pending' }) completedAt: Date | null;
}

@ObjectType('WebhookDeliveryConnection', { description: "A page of a subscription's deliveries, newest first" })
export class WebhookDeliveryConnection extends ConnectionType(WebhookDeliveryModel) {}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { WebhookEvent } from '../webhook-events';

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID) decisionId: string;
  @Field(() => WebhookEvent) event: WebhookEvent;
  @Field({ description: 'pending (retrying), delivered, or failed (attempts exhausted)' }) status: string;
  @Field(() => Int) attempts: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnection extends ConnectionType(WebhookDeliveryModel) {}

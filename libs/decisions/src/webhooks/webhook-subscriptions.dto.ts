import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, PageArgs } from '@attest/core';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WebhookEvent } from './webhook-events';
import type { WebhookDeliveryAttemptEntity } from './webhook.entities';

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => ID) @IsUUID() automationId: string;

  /** Read by WebhookTargetPolicy with WHATWG URL, the parser the delivery uses: a second parser here could read a host otherwise. */
  @Field({ description: 'http(s) URL of a public host that receives POSTs (docs/security.md, webhook targets); it must answer 2xx within the timeout' })
  @IsString() @MaxLength(2048)
  url: string;

  @Field(() => [WebhookEvent])
  @ArrayMinSize(1) @ArrayMaxSize(4) @ArrayUnique() @IsEnum(WebhookEvent, { each: true })
  events: WebhookEvent[];
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID) @IsUUID() subscriptionId: string;
  @Field(() => String, { nullable: true, description: 'pending, delivered or failed' })
  @IsOptional() @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

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

@ObjectType('CreatedWebhookSubscription')
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscriptionModel) subscription: WebhookSubscriptionModel;
  @Field({ description: 'The signing secret, shown this once: store it with the receiver (docs/jobs.md, signature scheme)' })
  secret: string;
}

@ObjectType('WebhookDeliveryAttempt')
export class WebhookDeliveryAttemptModel {
  @Field(() => Int) attempt: number;
  @Field(() => Int, { nullable: true }) statusCode: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int) durationMs: number;
  /** Kept in the schema for clients that select it; never filled (see toAttemptModel). */
  @Field(() => String, {
    nullable: true,
    deprecationReason: 'Always null: the receiver\'s answer is not kept or shown, so a webhook cannot read internal services (statusCode and durationMs remain)',
  })
  responseSnippet: null;
  @Field() attemptedAt: Date;
}

/** Attempts recorded before the snippet was dropped may still hold one in the database: it is never served. */
export function toAttemptModel(attempt: WebhookDeliveryAttemptEntity): WebhookDeliveryAttemptModel & { deliveryId: string } {
  const { deliveryId, attempt: n, statusCode, error, durationMs, attemptedAt } = attempt;
  return { deliveryId, attempt: n, statusCode, error, durationMs, attemptedAt, responseSnippet: null };
}

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

import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { WebhookDeliveryAttemptEntity } from '../entities/webhook-delivery-attempt.entity';

@ObjectType('WebhookDeliveryAttempt', { description: 'One HTTP POST of a delivery to its subscriber' })
export class WebhookDeliveryAttemptModel {
  @Field(() => Int, { description: 'Which attempt of the delivery, from 1' }) attempt: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status the receiver answered; null when no answer came (timeout, refused, blocked target)',
  })
  statusCode: number | null;
  @Field(() => String, { nullable: true, description: 'Why the attempt failed, in words; null when it was answered 2xx' }) error:
    string | null;
  @Field(() => Int, { description: 'How long the attempt took, in milliseconds' }) durationMs: number;
  /** Kept in the schema for clients that select it; never filled (see toAttemptModel). */
  @Field(() => String, {
    nullable: true,
    deprecationReason:
      "Always null: the receiver's answer is not kept or shown, so a webhook cannot read internal services (statusCode and durationMs remain)",
    description: 'Always null (deprecated)',
  })
  responseSnippet: null;
  @Field({ description: 'When the attempt started, ISO 8601 (UTC)' }) attemptedAt: Date;
}

/** Attempts recorded before the snippet was dropped may still hold one in the database: it is never served. */
export function toAttemptModel(attempt: WebhookDeliveryAttemptEntity): WebhookDeliveryAttemptModel & { deliveryId: string } {
  const { deliveryId, attempt: n, statusCode, error, durationMs, attemptedAt } = attempt;
  return { deliveryId, attempt: n, statusCode, error, durationMs, attemptedAt, responseSnippet: null };
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { WebhookDeliveryAttemptEntity } from '../entities/webhook-delivery-attempt.entity';

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

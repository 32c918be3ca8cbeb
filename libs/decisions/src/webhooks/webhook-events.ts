import { registerEnumType } from '@nestjs/graphql';

export enum WebhookEvent {
  DECISION_RECORDED = 'decision.recorded',
  DECISION_PENDING_REVIEW = 'decision.pending_review',
  DECISION_BLOCKED = 'decision.blocked',
  DECISION_REVIEWED = 'decision.reviewed',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    'An event a webhook subscribes to; deliveries carry the lower-case value in the Attest-Event header and the payload (decision.recorded, …)',
  valuesMap: {
    DECISION_RECORDED: { description: 'A decision was recorded and allowed (decision.recorded)' },
    DECISION_PENDING_REVIEW: { description: 'A decision was sent to human review (decision.pending_review)' },
    DECISION_BLOCKED: { description: 'A decision was denied by a policy (decision.blocked)' },
    DECISION_REVIEWED: { description: 'A reviewer gave a verdict (decision.reviewed)' },
  },
});

/** The event a newly recorded decision announces. */
export const EVENT_OF_STATUS = {
  recorded: WebhookEvent.DECISION_RECORDED,
  pending_review: WebhookEvent.DECISION_PENDING_REVIEW,
  blocked: WebhookEvent.DECISION_BLOCKED,
} as const;

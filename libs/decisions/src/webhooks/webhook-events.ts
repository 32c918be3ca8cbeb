import { registerEnumType } from '@nestjs/graphql';

export enum WebhookEvent {
  decision_recorded = 'decision.recorded',
  decision_pending_review = 'decision.pending_review',
  decision_blocked = 'decision.blocked',
  decision_reviewed = 'decision.reviewed',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'Delivered with the Attest-Event header decision.recorded (allowed), decision.pending_review, decision.blocked or decision.reviewed',
});

/** The event a newly recorded decision announces. */
export const EVENT_OF_STATUS = {
  recorded: WebhookEvent.decision_recorded,
  pending_review: WebhookEvent.decision_pending_review,
  blocked: WebhookEvent.decision_blocked,
} as const;

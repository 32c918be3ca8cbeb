import { registerEnumType } from '@nestjs/graphql';

export enum WebhookEvent {
  DECISION_RECORDED = 'decision.recorded',
  DECISION_PENDING_REVIEW = 'decision.pending_review',
  DECISION_BLOCKED = 'decision.blocked',
  DECISION_REVIEWED = 'decision.reviewed',
  DECISION_REVIEW_OVERDUE = 'decision.review_overdue',
  DECISION_CONTESTED = 'decision.contested',
  MONITOR_ALERT = 'monitor.alert',
  MONITOR_RECOVERED = 'monitor.recovered',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    'An event a webhook subscribes to; deliveries carry the lower-case value in the Attest-Event header and the payload (decision.recorded, monitor.alert, …)',
  valuesMap: {
    DECISION_RECORDED: { description: 'A decision was recorded and allowed (decision.recorded)' },
    DECISION_PENDING_REVIEW: { description: 'A decision was sent to human review (decision.pending_review)' },
    DECISION_BLOCKED: { description: 'A decision was denied by a policy (decision.blocked)' },
    DECISION_REVIEWED: { description: 'A reviewer gave a verdict (decision.reviewed)' },
    DECISION_REVIEW_OVERDUE: {
      description: "A decision awaiting review passed its automation's review SLA (decision.review_overdue; once per decision)",
    },
    DECISION_CONTESTED: {
      description: 'The person decided about contested a decision; it is back in the review queue as a priority item (decision.contested)',
    },
    MONITOR_ALERT: {
      description: "A drift monitor of the automation rose to WARN or ALERT (monitor.alert; the payload's monitor.state says which)",
    },
    MONITOR_RECOVERED: { description: 'A drift monitor of the automation went back to OK from WARN or ALERT (monitor.recovered)' },
  },
});

/** The event a newly recorded decision announces. */
export const EVENT_OF_STATUS = {
  recorded: WebhookEvent.DECISION_RECORDED,
  pending_review: WebhookEvent.DECISION_PENDING_REVIEW,
  blocked: WebhookEvent.DECISION_BLOCKED,
} as const;

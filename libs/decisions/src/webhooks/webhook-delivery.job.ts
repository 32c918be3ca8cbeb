import { defineJob } from '@attest/jobs';

export interface WebhookJob {
  tenantId: string;
  deliveryId: string;
}

/** The queue whose jobs deliver one webhook each. */
export const WEBHOOK_DELIVERY_JOB = defineJob<WebhookJob>('webhooks');

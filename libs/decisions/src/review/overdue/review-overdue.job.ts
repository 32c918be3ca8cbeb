import { defineJob } from '@attest/jobs';

export interface ReviewOverdueJob {
  tenantId: string;
}

/** One job per tenant with an unannounced overdue review item, per sweep round (ReviewOverdueSweeper). */
export const REVIEW_OVERDUE_JOB = defineJob<ReviewOverdueJob>('reviews.overdue');

import { defineJob } from '@attest/jobs';

export interface MonitorEvaluationJob {
  tenantId: string;
}

/** One job per tenant and evaluation round (see MonitorEvaluationSweeper). */
export const MONITOR_EVALUATION_JOB = defineJob<MonitorEvaluationJob>('monitoring.evaluate');

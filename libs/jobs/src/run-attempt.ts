import type { Logger } from '@nestjs/common';
import type { JobContext, JobHandler } from './job-handler';
import { type MessagingSystem, tracedAttempt } from './job-trace';
import type { JobMetrics } from './job-metrics';

export type AttemptOutcome = { ok: true } | { ok: false; error: Error; willRetry: boolean };

/**
 * One attempt, the same in both modes: a failure is logged (a warning while attempts remain) and
 * returned; counted in `metrics`. It runs in a span that continues the enqueuer's trace (job-trace.ts).
 */
export async function runAttempt(
  handler: JobHandler,
  job: JobContext<unknown>,
  logger: Logger,
  system: MessagingSystem,
  metrics?: JobMetrics,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const outcome = await attempt(handler, job, logger, system);
  metrics?.attempted(job.queue, outcome, (performance.now() - started) / 1000);
  return outcome;
}

async function attempt(handler: JobHandler, job: JobContext<unknown>, logger: Logger, system: MessagingSystem): Promise<AttemptOutcome> {
  try {
    await tracedAttempt(system, job, (data) => handler.handle({ ...job, data }));
    return { ok: true };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const willRetry = job.attempt < job.maxAttempts;
    const what = `Job ${job.queue}/${job.id} attempt ${job.attempt} of ${job.maxAttempts} failed`;
    if (willRetry) logger.warn(`${what}, will retry: ${error.message}`);
    else logger.error(`${what}, giving up: ${error.message}`, error.stack);
    return { ok: false, error, willRetry };
  }
}

import type { Logger } from '@nestjs/common';
import type { JobContext, JobHandler } from './job-handler';
import type { JobMetrics } from './job-metrics';

export type AttemptOutcome = { ok: true } | { ok: false; error: Error; willRetry: boolean };

/** One attempt, the same in both modes: a failure is logged (a warning while attempts remain) and returned; counted in `metrics`. */
export async function runAttempt(
  handler: JobHandler,
  job: JobContext<unknown>,
  logger: Logger,
  metrics?: JobMetrics,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const outcome = await attempt(handler, job, logger);
  metrics?.attempted(job.queue, outcome, (performance.now() - started) / 1000);
  return outcome;
}

async function attempt(handler: JobHandler, job: JobContext<unknown>, logger: Logger): Promise<AttemptOutcome> {
  try {
    await handler.handle(job);
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

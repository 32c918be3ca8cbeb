import type { EnqueueOptions } from './job-queue';
import { JobOptionsError } from './jobs.errors';
import { retryDelayMs } from './retry-delay';

export interface ResolvedEnqueueOptions {
  jobId?: string;
  attempts: number;
  backoffMs: number;
  delayMs: number;
}

export const DEFAULT_BACKOFF_MS = 1000;
const MAX_ATTEMPTS = 100;
/** The longest wait a Node timer can hold (about 24.8 days); longer ones fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** No ':', which separates the parts of BullMQ's Redis keys. */
const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Checks one enqueue call the same way in both modes, including what only BullMQ would refuse, so a
 * mistake shows up in the in-process tests rather than in production on Redis.
 */
export function resolveEnqueueOptions(queue: string, options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  const problems = queueNameProblems(queue);
  const { jobId, attempts = 1, backoffMs = DEFAULT_BACKOFF_MS, delayMs = 0 } = options;
  if (jobId !== undefined) problems.push(...jobIdProblems(jobId));
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) {
    problems.push(`attempts must be an integer from 1 to ${MAX_ATTEMPTS}, got ${attempts}`);
  } else if (!Number.isInteger(backoffMs) || backoffMs < 0) {
    problems.push(`backoffMs must be a non-negative integer, got ${backoffMs}`);
  } else if (retryDelayMs(backoffMs, attempts - 1) > MAX_DELAY_MS) {
    problems.push(
      `the last retry would wait ${retryDelayMs(backoffMs, attempts - 1)} ms, more than ${MAX_DELAY_MS}: lower attempts or backoffMs`,
    );
  }
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) {
    problems.push(`delayMs must be an integer from 0 to ${MAX_DELAY_MS}, got ${delayMs}`);
  }
  if (problems.length > 0) throw new JobOptionsError(problems);
  return { jobId, attempts, backoffMs, delayMs };
}

export function assertQueueName(queue: string): void {
  const problems = queueNameProblems(queue);
  if (problems.length > 0) throw new JobOptionsError(problems);
}

function queueNameProblems(queue: string): string[] {
  return QUEUE_NAME.test(queue)
    ? []
    : [`queue name "${queue}" must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit`];
}

/** BullMQ refuses integer ids (they could collide with the ones it generates) and ids with ':'. */
function jobIdProblems(jobId: string): string[] {
  if (jobId.length === 0 || jobId.length > 200) return ['jobId must be 1-200 characters long'];
  if (jobId.includes(':')) return [`jobId "${jobId}" must not contain ':'`];
  if (String(Number.parseInt(jobId, 10)) === jobId) return [`jobId "${jobId}" must not be an integer`];
  return [];
}

import type { JobToken } from './job-token';

export interface EnqueueOptions {
  /** Dedupe: a second enqueue with the same id, on the same queue, while the first is known is a no-op. */
  jobId?: string;
  /** Total runs before the job is given up; default 1 (no retry). */
  attempts?: number;
  /** Wait before the retry that follows failed attempt N: backoffMs × 2^(N−1); default 1000. */
  backoffMs?: number;
  /** Wait before the first attempt; default 0. */
  delayMs?: number;
}

/**
 * Where contexts put work to be done later, outside the request. Injected as this class; JobsModule
 * binds it to BullMQ queues in Redis or to the in-process runner, and callers cannot tell which.
 * Enqueue after the transaction that wrote the job's state has committed: a job may start at once.
 */
export abstract class JobQueue {
  /** Whether this process runs the handlers (in-process, or a worker): where periodic sweeps of durable state belong. */
  abstract readonly runsHandlersHere: boolean;
  /** Whether waiting jobs outlive this process (Redis); in-process they do not, and the domain re-enqueues from PostgreSQL on start. */
  abstract readonly durable: boolean;
  /** Resolves to the job id (the given jobId, or a generated one). */
  abstract enqueue<T>(job: JobToken<T>, data: NoInfer<T>, options?: EnqueueOptions): Promise<string>;
  /** Several jobs of one queue in one round trip; ids in the order given. */
  abstract enqueueMany<T>(job: JobToken<T>, jobs: { data: NoInfer<T>; options?: EnqueueOptions }[]): Promise<string[]>;
}

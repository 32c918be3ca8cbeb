/** One attempt at one job, as a handler sees it. */
export interface JobContext<T> {
  id: string;
  queue: string;
  data: T;
  /** 1-based: 1 on the first run, maxAttempts on the last. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Runs the jobs of one queue. Delivery is at least once (a crash or a lost lock replays a job), so
 * `handle` must be idempotent: re-read the state in PostgreSQL and skip work already done. Throwing
 * fails the attempt; the job is retried until its attempts run out.
 */
export interface JobHandler<T = unknown> {
  readonly queue: string;
  handle(job: JobContext<T>): Promise<void>;
}

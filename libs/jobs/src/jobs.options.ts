export interface JobsModuleOptions {
  /** Set: BullMQ queues in Redis. Unset (the embedded default): handlers run inside this process. */
  redisUrl?: string;
  /** Redis key prefix; default 'attest'. */
  prefix?: string;
  /**
   * With Redis: whether this process consumes the queues of its registered handlers (the worker app)
   * or only enqueues (the API). In-process there is nowhere else for jobs to run, so handlers always run.
   */
  runWorkers: boolean;
  /** Jobs of one queue run at the same time by this process; default 8. */
  concurrency?: number;
  /**
   * With Redis: how long a running job's lock lasts without renewal (renewed every half of it), and
   * so how soon the job of a worker that died is taken up again by another; default 30 s.
   */
  lockMs?: number;
}

export type ResolvedJobsOptions = Required<Omit<JobsModuleOptions, 'redisUrl'>> & Pick<JobsModuleOptions, 'redisUrl'>;

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export function resolveJobsOptions(options: JobsModuleOptions): ResolvedJobsOptions {
  const { redisUrl, prefix = 'attest', runWorkers, concurrency = 8, lockMs = 30_000 } = options;
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`JobsModule: prefix "${prefix}" may hold only letters, digits, '_' and '-'`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new Error(`JobsModule: concurrency must be an integer from 1 to 256, got ${concurrency}`);
  }
  if (!Number.isInteger(lockMs) || lockMs < 1000) throw new Error(`JobsModule: lockMs must be an integer of at least 1000, got ${lockMs}`);
  return { redisUrl, prefix, runWorkers, concurrency, lockMs };
}

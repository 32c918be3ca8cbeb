import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { resolveEnqueueOptions } from '../enqueue-options';
import { JobHandlerRegistry } from '../job-handler.registry';
import { type EnqueueOptions, JobQueue } from '../job-queue';
import { JobMetrics } from '../job-metrics';
import type { JobToken } from '../job-token';
import { tracedEnqueue } from '../job-trace';
import { JOBS_OPTIONS, type ResolvedJobsOptions } from '../jobs.options';
import { createRedisConnection } from './redis-connection';

/**
 * Finished jobs kept in Redis: enough to inspect recent failures, and a jobId stays "known" (so a
 * repeated enqueue stays a no-op) until it falls out; bounded so that Redis memory does not grow.
 */
const KEEP_COMPLETED = 1000;
const KEEP_FAILED = 5000;

/**
 * Plain BullMQ rather than @nestjs/bullmq: queue names are only known at enqueue time and handlers
 * register at runtime, while @nestjs/bullmq wants each queue and processor declared up front; and the
 * in-process mode needs the same JobQueue seam anyway. One Queue per name, created on first use.
 */
@Injectable()
export class RedisJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Queue>();
  private connection?: Redis;

  /** After shutdown a scrape must not open a queue (and a connection) again. */
  private closed = false;

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: ResolvedJobsOptions,
    metrics: JobMetrics,
    private readonly registry: JobHandlerRegistry,
  ) {
    super();
    metrics.observeDepth(() => this.depths());
  }

  readonly durable = true;

  get runsHandlersHere(): boolean {
    return this.options.runWorkers;
  }

  async enqueue<T>({ queue }: JobToken<T>, data: T, options?: EnqueueOptions): Promise<string> {
    const opts = bullOptions(queue, options);
    const job = await tracedEnqueue('bullmq', queue, [data], (stamp) => this.queueFor(queue).add(queue, stamp(data), opts));
    return job.id!;
  }

  async enqueueMany<T>({ queue }: JobToken<T>, jobs: { data: T; options?: EnqueueOptions }[]): Promise<string[]> {
    const options = jobs.map((job) => bullOptions(queue, job.options));
    if (jobs.length === 0) return [];
    const added = await tracedEnqueue(
      'bullmq',
      queue,
      jobs.map((job) => job.data),
      (stamp) => this.queueFor(queue).addBulk(jobs.map((job, i) => ({ name: queue, data: stamp(job.data), opts: options[i] }))),
    );
    return added.map((job) => job.id!);
  }

  /** After the workers (closed before shutdown), so that a finishing job can still enqueue follow-ups. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.connection?.quit();
  }

  /** BullMQ's counts of the queues this process has handlers for (the API registers the worker's too) or has used: exported from start. */
  private async depths(): Promise<Map<string, number>> {
    if (this.closed) return new Map();
    const names = new Set([...this.registry.queues(), ...this.queues.keys()]);
    const counts = await Promise.all(
      [...names].map(async (name) => {
        const queue = this.queueFor(name);
        const c = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
        return [name, Object.values(c).reduce((sum, n) => sum + n, 0)] as const;
      }),
    );
    return new Map(counts);
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createRedisConnection(this.options.redisUrl!, 'producer');
      queue = new Queue(name, { connection: this.connection, prefix: this.options.prefix });
      queue.on('error', (error) => this.logger.error(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }
}

function bullOptions(queue: string, options?: EnqueueOptions): JobsOptions {
  const { jobId, attempts, backoffMs, delayMs } = resolveEnqueueOptions(queue, options);
  return {
    jobId,
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    delay: delayMs,
    removeOnComplete: { count: KEEP_COMPLETED },
    removeOnFail: { count: KEEP_FAILED },
  };
}

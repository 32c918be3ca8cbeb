import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobHandler } from '../job-handler';
import { JobHandlerRegistry } from '../job-handler.registry';
import { JobMetrics } from '../job-metrics';
import { JOBS_OPTIONS, type ResolvedJobsOptions } from '../jobs.options';
import { runAttempt } from '../run-attempt';
import { createRedisConnection } from './redis-connection';

/** One BullMQ Worker per registered handler's queue; only where JobsModule has `runWorkers` (the worker app). */
@Injectable()
export class RedisJobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];
  private connection?: Redis;
  private closing = false;

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(JOBS_OPTIONS) private readonly options: ResolvedJobsOptions,
    private readonly metrics: JobMetrics,
  ) {}

  /** After every module's onModuleInit, where handlers register. */
  onApplicationBootstrap(): void {
    this.registry.forEachHandler((handler) => this.start(handler));
    if (this.workers.length === 0) this.logger.warn('No job handler is registered: this process consumes no queue');
  }

  /** Before the database closes: running jobs finish (BullMQ's close waits for them), no new ones start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.close()));
    await this.connection?.quit();
  }

  private start(handler: JobHandler): void {
    if (this.closing) return;
    this.connection ??= createRedisConnection(this.options.redisUrl!, 'worker');
    const worker = new Worker(handler.queue, (job: Job) => this.process(handler, job), {
      connection: this.connection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockMs,
      stalledInterval: this.options.lockMs,
      // A job whose worker died is retried rather than failed; handlers are idempotent.
      maxStalledCount: 5,
    });
    worker.on('error', (error) => this.logger.error(`Worker ${handler.queue}: ${error.message}`));
    this.workers.push(worker);
    this.logger.log(`Processing queue ${handler.queue} (concurrency ${this.options.concurrency})`);
  }

  /** BullMQ retries (with the job's backoff) when the processor throws. */
  private async process(handler: JobHandler, job: Job): Promise<void> {
    const context = {
      id: job.id!,
      queue: job.queueName,
      data: job.data,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
    };
    const outcome = await runAttempt(handler, context, this.logger, 'bullmq', this.metrics);
    if (!outcome.ok) throw outcome.error;
  }
}

import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import type { AttestConfig } from '@attest/core';
import { InProcessJobQueue } from './in-process/in-process-job-queue';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobMetrics } from './job-metrics';
import { JobQueue } from './job-queue';
import { JOBS_OPTIONS, type JobsModuleOptions, resolveJobsOptions } from './jobs.options';
import { RedisJobQueue } from './redis/redis-job-queue';
import { RedisJobWorkers } from './redis/redis-job-workers';

/**
 * Two ways to run, one code path. With `redisUrl`, BullMQ queues in Redis, consumed where
 * `runWorkers` is set; without it, the same handlers run in this process with the same attempts and
 * backoff. Feature modules inject JobQueue to enqueue and JobHandlerRegistry to register handlers.
 */
@Global()
@Module({})
export class JobsModule {
  /** As every Attest process configures it: the API (`runWorkers` from config), the worker (true). */
  static fromConfig(config: AttestConfig, runWorkers: boolean): DynamicModule {
    return JobsModule.forRoot({
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      concurrency: config.workerConcurrency,
      lockMs: config.jobLockMs,
      runWorkers,
    });
  }

  static forRoot(options: JobsModuleOptions): DynamicModule {
    const resolved = resolveJobsOptions(options);
    const runner: Provider[] = resolved.redisUrl
      ? [{ provide: JobQueue, useClass: RedisJobQueue }, ...(resolved.runWorkers ? [RedisJobWorkers] : [])]
      : [{ provide: JobQueue, useClass: InProcessJobQueue }];
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_OPTIONS, useValue: resolved }, JobHandlerRegistry, JobMetrics, ...runner],
      exports: [JobQueue, JobHandlerRegistry],
    };
  }
}

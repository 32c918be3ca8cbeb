import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AttestConfig } from '@attest/core';
import { JobsModule } from '@attest/jobs';

/**
 * The worker's composition root: the same libraries as the API, no HTTP, and JobsModule consuming
 * the Redis queues. A queue is only processed here if a module below registers its handler.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AttestConfig & { redisUrl: string }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        JobsModule.forRoot({ redisUrl: config.redisUrl, prefix: config.queuePrefix, concurrency: config.workerConcurrency, runWorkers: true }),
        // ── Feature modules that provide job handlers ──────────────────────────────────────────
        // Import here every module whose providers register a JobHandler (and what they need,
        // e.g. DatabaseModule.forRoot(...) with the entities and migrations of the API).
        // ────────────────────────────────────────────────────────────────────────────────────────
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, memoizeValidationMetadata, type AttestConfig } from '@attest/core';
import { DecisionsModule } from '@attest/decisions';
import { JobsModule } from '@attest/jobs';
import { LedgerModule } from '@attest/ledger';
import { LineageModule } from '@attest/lineage';
import { MonitoringModule } from '@attest/monitoring';
import { PolicyPacksModule } from '@attest/policy';
import { PolicySimulationModule } from '@attest/policy-review';
import { DATABASE_OPTIONS, PoolMetrics } from '@attest/platform';

/**
 * The worker's composition root: the same libraries as the API, no HTTP, and JobsModule consuming
 * the Redis queues. A queue is only processed here if a module below registers its handler.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AttestConfig & { redisUrl: string }): DynamicModule {
    memoizeValidationMetadata();
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        JobsModule.fromConfig(config, true),
        DatabaseModule.forRoot(DATABASE_OPTIONS),
        // Feature modules whose providers register a JobHandler, and what they need.
        PolicyPacksModule,
        DecisionsModule,
        // The ledger's sequencer runs where job handlers run.
        LedgerModule,
        // The OpenLineage exporter, when ATTEST_OPENLINEAGE_URL is set.
        LineageModule,
        PolicySimulationModule,
        // The drift monitors' evaluation sweep and jobs.
        MonitoringModule,
      ],
      providers: [PoolMetrics],
    };
  }
}

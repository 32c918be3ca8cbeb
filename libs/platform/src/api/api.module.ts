import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  ConfigModule,
  DatabaseModule,
  GraphQLPassThroughFilter,
  InputValidationPipe,
  memoizeValidationMetadata,
  type AttestConfig,
} from '@attest/core';
import { AuditModule } from '@attest/audit';
import { DecisionsModule, ReviewBacklogMetrics } from '@attest/decisions';
import { EvidenceModule } from '@attest/evidence';
import { IdentityModule } from '@attest/identity';
import { JobsModule } from '@attest/jobs';
import { LedgerModule, LedgerVerificationMetrics } from '@attest/ledger';
import { LineageModule } from '@attest/lineage';
import { MonitoringModule, MonitorStateMetrics } from '@attest/monitoring';
import { PolicyPacksModule } from '@attest/policy';
import { PolicySimulationModule } from '@attest/policy-review';
import { RegistryModule } from '@attest/registry';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { ComplianceOverviewResolver } from './overview/compliance-overview.resolver';
import { DATABASE_OPTIONS } from '../database/database-options';
import { PoolMetrics } from '../database/pool-metrics';
import { RequestMetrics } from './metrics/request-metrics';
import { RequestMetricsPlugin } from './metrics/request-metrics.plugin';

/**
 * The API: every context with GraphQL, /health and the jobs (enqueued, or run here on the embedded
 * default). Served by apps/api, and for a moment by the CLI (`attest seed --demo` goes through it).
 */
@Module({})
export class ApiModule {
  static forRoot(config: AttestConfig): DynamicModule {
    memoizeValidationMetadata();
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(DATABASE_OPTIONS),
        GraphQLModule.forRoot(graphqlOptions(config)),
        // With Redis the API only enqueues (workers deliver); on the embedded default it runs the jobs itself.
        JobsModule.fromConfig(config, config.apiRunsWorkers),
        IdentityModule,
        RegistryModule,
        AuditModule,
        PolicyPacksModule,
        DecisionsModule,
        LedgerModule,
        LineageModule,
        PolicySimulationModule,
        MonitoringModule,
        EvidenceModule,
      ],
      controllers: [HealthController],
      providers: [
        HealthService,
        ComplianceOverviewResolver,
        // Gauges read from the database at scrape time: exported by the API alone, not again by workers.
        ReviewBacklogMetrics,
        LedgerVerificationMetrics,
        MonitorStateMetrics,
        PoolMetrics,
        RequestMetrics,
        RequestMetricsPlugin,
        { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
        {
          provide: APP_PIPE,
          useValue: new InputValidationPipe(config.maxJsonDepth, {
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            stopAtFirstError: false,
          }),
        },
      ],
    };
  }
}

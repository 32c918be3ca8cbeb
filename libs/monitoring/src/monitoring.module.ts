import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { RegistryModule } from '@attest/registry';
import { DailyStatisticsService } from './statistics/daily-statistics.service';
import { LabelPathService } from './statistics/label-path.service';
import { MonitoringStatisticsResolver } from './statistics/monitoring-statistics.resolver';

/** Every resolver of the monitoring context, also for building the schema without a server. */
export const MONITORING_RESOLVERS = [MonitoringStatisticsResolver];

/** Drift and quality monitors per automation version (docs/monitoring.md). */
@Module({
  imports: [IdentityModule, RegistryModule],
  providers: [DailyStatisticsService, LabelPathService, ...MONITORING_RESOLVERS],
  exports: [DailyStatisticsService],
})
export class MonitoringModule {}

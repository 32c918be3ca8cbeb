import { Module } from '@nestjs/common';
import { DecisionsModule } from '@attest/decisions';
import { IdentityModule } from '@attest/identity';
import { RegistryModule } from '@attest/registry';
import { MonitorEvaluationHandler } from './monitors/monitor-evaluation.handler';
import { MonitorEvaluationSweeper } from './monitors/monitor-evaluation.sweeper';
import { MonitorFieldsResolver } from './monitors/monitor-fields.resolver';
import { MonitorStateFactsModule } from './monitors/monitor-state-facts';
import { MonitorsResolver } from './monitors/monitors.resolver';
import { MonitorsService } from './monitors/monitors.service';
import { DailyStatisticsService } from './statistics/daily-statistics.service';
import { LabelPathService } from './statistics/label-path.service';
import { MonitoringStatisticsResolver } from './statistics/monitoring-statistics.resolver';

/** Every resolver of the monitoring context, also for building the schema without a server. */
export const MONITORING_RESOLVERS = [MonitoringStatisticsResolver, MonitorsResolver, MonitorFieldsResolver];

/** Drift and quality monitors per automation version (docs/monitoring.md). Evaluation jobs need JobsModule (global, in the composition root). */
@Module({
  imports: [IdentityModule, RegistryModule, DecisionsModule, MonitorStateFactsModule],
  providers: [
    DailyStatisticsService,
    LabelPathService,
    MonitorsService,
    MonitorEvaluationSweeper,
    MonitorEvaluationHandler,
    ...MONITORING_RESOLVERS,
  ],
  exports: [DailyStatisticsService, MonitorsService],
})
export class MonitoringModule {}

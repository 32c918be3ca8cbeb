import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DailyStatisticsService } from './daily-statistics.service';
import { LabelPathService } from './label-path.service';
import { DailyStatisticsArgs, SetMonitoringLabelPathArgs } from './monitoring-statistics.args';
import { DailyStatisticsModel, MonitoringLabelPathModel } from './monitoring-statistics.models';

@Resolver()
export class MonitoringStatisticsResolver {
  constructor(
    private readonly statistics: DailyStatisticsService,
    private readonly labelPaths: LabelPathService,
  ) {}

  @Query(() => [DailyStatisticsModel], {
    description: "An automation version's daily statistics (confidence buckets, labels, review and block counts), as sealed in the ledger",
  })
  @Can('read', 'Monitor')
  automationVersionStatistics(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args() { automationVersionId, from, to }: DailyStatisticsArgs,
  ) {
    return this.statistics.read(actor, automationVersionId, from, to);
  }

  @Query(() => MonitoringLabelPathModel, { description: "Where the automation's decisions carry their output label (null path: not set)" })
  @Can('read', 'Monitor')
  monitoringLabelPath(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('automationId', { type: () => ID, description: 'The automation' }) automationId: string,
  ) {
    return this.labelPaths.get(actor, automationId);
  }

  @Mutation(() => MonitoringLabelPathModel, {
    description:
      "Sets or clears the JSON path to the output field that carries an automation's label (compliance officers, admins); audited",
  })
  @Can('update', 'Monitor')
  setMonitoringLabelPath(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationId, path }: SetMonitoringLabelPathArgs) {
    return this.labelPaths.set(actor, automationId, path ?? null);
  }
}

import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DefineMonitorInput, MonitorMetric, MonitorModel, MonitorPointModel, MonitorSettingsInput, MonitorState } from './monitor.models';
import { MonitorsService } from './monitors.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
class MonitorsArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this automation version's monitors; every monitor of the tenant (up to 1,000) when omitted",
  })
  @IsOptional()
  @IsUUID()
  automationVersionId?: string;

  @Field(() => [MonitorState], {
    nullable: true,
    description: 'Only monitors in one of these states (e.g. [ALERT, WARN] for what needs attention); every state when omitted',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(MonitorState, { each: true })
  states?: MonitorState[];
}

@ArgsType()
class ChangeMonitorArgs {
  @Field(() => ID, { description: 'The monitor' }) @IsUUID() id: string;
  @Field(() => MonitorSettingsInput, { description: 'What changes; the rest stays' })
  @ValidateNested()
  @Type(() => MonitorSettingsInput)
  input: MonitorSettingsInput;
}

@ArgsType()
class DefineMonitorArgs {
  @Field(() => DefineMonitorInput, { description: 'The monitor' })
  @ValidateNested()
  @Type(() => DefineMonitorInput)
  input: DefineMonitorInput;
}

@ArgsType()
class MonitorSeriesArgs {
  @Field(() => ID, { description: 'The automation version' }) @IsUUID() automationVersionId: string;
  @Field(() => MonitorMetric, { description: 'The metric of its monitor' }) @IsEnum(MonitorMetric) metric: MonitorMetric;
  @Field({ description: 'First day (UTC, YYYY-MM-DD), inclusive' }) @Matches(DAY) from: string;
  @Field({ description: 'Last day (UTC, YYYY-MM-DD), inclusive; at most 366 days after from' }) @Matches(DAY) to: string;
}

@Resolver()
export class MonitorsResolver {
  constructor(private readonly service: MonitorsService) {}

  @Query(() => [MonitorModel], { description: 'Drift monitors with their last state, by metric' })
  @Can('read', 'Monitor')
  monitors(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationVersionId, states }: MonitorsArgs) {
    return this.service.list(actor, { automationVersionId, states });
  }

  @Query(() => [MonitorPointModel], {
    description: "A monitor's value per day over a range, each day's window against the reference, for charts",
  })
  @Can('read', 'Monitor')
  monitorSeries(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationVersionId, metric, from, to }: MonitorSeriesArgs) {
    return this.service.series(actor, automationVersionId, metric, from, to);
  }

  @Mutation(() => MonitorModel, {
    description: 'Defines a drift monitor (compliance officers, admins); one per version and metric; audited',
  })
  @Can('create', 'Monitor')
  defineMonitor(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { input }: DefineMonitorArgs) {
    return this.service.define(actor, input);
  }

  @Mutation(() => MonitorModel, {
    description: "Changes a monitor's reference, window or thresholds (compliance officers, admins); audited",
  })
  @Can('update', 'Monitor')
  changeMonitor(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { id, input }: ChangeMonitorArgs) {
    return this.service.change(actor, id, input);
  }
}

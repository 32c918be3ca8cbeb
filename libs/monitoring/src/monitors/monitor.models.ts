import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export enum MonitorMetric {
  CONFIDENCE_PSI = 'confidence_psi',
  CONFIDENCE_KS = 'confidence_ks',
  LABEL_PSI = 'label_psi',
  OVERRIDE_RATE = 'override_rate',
  BLOCKED_RATE = 'blocked_rate',
}
registerEnumType(MonitorMetric, {
  name: 'MonitorMetric',
  description: 'What a drift monitor measures (docs/monitoring.md)',
  valuesMap: {
    CONFIDENCE_PSI: { description: 'PSI of the confidence buckets, current window against the reference (defaults: warn 0.1, alert 0.25)' },
    CONFIDENCE_KS: {
      description: "KS's D of the bucketed confidence, current window against the reference (defaults: warn 0.1, alert 0.2)",
    },
    LABEL_PSI: { description: 'PSI of the output labels, current window against the reference (defaults: warn 0.1, alert 0.25)' },
    OVERRIDE_RATE: {
      description: 'Share of the reviewed decisions a reviewer overrode, in the current window (defaults: warn 0.2, alert 0.3)',
    },
    BLOCKED_RATE: { description: 'Share of the decisions blocked by a policy, in the current window (defaults: warn 0.05, alert 0.1)' },
  },
});

export enum MonitorState {
  NO_DATA = 'no_data',
  OK = 'ok',
  WARN = 'warn',
  ALERT = 'alert',
}
registerEnumType(MonitorState, {
  name: 'MonitorState',
  description: "A monitor's state as its last evaluation found it",
  valuesMap: {
    NO_DATA: { description: 'Not enough sealed decisions to measure (an empty window, or a reference not yet complete)' },
    OK: { description: 'Below the warning threshold' },
    WARN: { description: 'At or above the warning threshold, below the alert threshold' },
    ALERT: { description: 'At or above the alert threshold' },
  },
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({ description: 'A drift monitor of one automation version and metric' })
export class MonitorModel {
  @Field(() => ID, { description: 'The monitor' }) id: string;
  @Field(() => ID, { description: 'The automation whose version it watches' }) automationId: string;
  @Field(() => ID, { description: 'The automation version it watches' }) automationVersionId: string;
  @Field(() => MonitorMetric, { description: 'What it measures' }) metric: MonitorMetric;
  @Field(() => Int, {
    nullable: true,
    description: "Reference: the version's first N decisions (by whole days); null with a pinned period",
  })
  referenceDecisions: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Reference: first day of a pinned period (UTC, inclusive); null for the first N decisions',
  })
  referenceFrom: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Reference: last day of a pinned period (UTC, inclusive); null for the first N decisions',
  })
  referenceTo: string | null;
  @Field(() => Int, { description: 'The current window: the last this many days, today (UTC) included' }) windowDays: number;
  @Field(() => Float, { description: 'The value from which it warns' }) warnAt: number;
  @Field(() => Float, { description: 'The value from which it alerts' }) alertAt: number;
  @Field(() => MonitorState, { description: 'Its state at the last evaluation' }) state: MonitorState;
  @Field(() => Float, { nullable: true, description: 'The value at the last evaluation; null without data' }) value: number | null;
  @Field(() => Date, { nullable: true, description: 'When it was last evaluated; null before its first evaluation' })
  evaluatedAt: Date | null;
  @Field(() => Date, { description: 'Since when it has been in its state' }) stateSince: Date;
  @Field(() => ID, { description: 'Who defined it' }) createdBy: string;
  @Field(() => Date, { description: 'When it was defined' }) createdAt: Date;
  @Field(() => Date, { description: 'When it was last changed' }) updatedAt: Date;
}

@ObjectType({ description: "One day of a monitor's series: the value of the window ending that day" })
export class MonitorPointModel {
  @Field({ description: 'The last day of the window (UTC, YYYY-MM-DD)' }) day: string;
  @Field(() => Float, { nullable: true, description: 'The value; null without data' }) value: number | null;
  @Field(() => MonitorState, { description: 'The state that value gives under the current thresholds' }) state: MonitorState;
}

@InputType({ description: "A monitor's reference, window and thresholds; omitted thresholds take the metric's defaults" })
export class MonitorSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Reference: the first N decisions (1 to 10,000,000); or give referenceFrom and referenceTo',
  })
  @IsOptional()
  @Min(1)
  @Max(10_000_000)
  referenceDecisions?: number;
  @Field(() => String, { nullable: true, description: 'Reference: first day of a pinned period (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY)
  referenceFrom?: string;
  @Field(() => String, { nullable: true, description: 'Reference: last day of a pinned period (YYYY-MM-DD), not before referenceFrom' })
  @IsOptional()
  @Matches(DAY)
  referenceTo?: string;
  @Field(() => Int, { nullable: true, description: 'The current window in days, 1 to 366 (7 when a monitor is defined without it)' })
  @IsOptional()
  @Min(1)
  @Max(366)
  windowDays?: number;
  @Field(() => Float, { nullable: true, description: 'Warns from this value (≥ 0)' }) @IsOptional() @Min(0) @Max(1000) warnAt?: number;
  @Field(() => Float, { nullable: true, description: 'Alerts from this value (≥ warnAt)' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  alertAt?: number;
}

@InputType({ description: 'A new drift monitor: one per automation version and metric' })
export class DefineMonitorInput extends MonitorSettingsInput {
  @Field(() => ID, { description: 'The automation version to watch' }) @IsUUID() automationVersionId: string;
  @Field(() => MonitorMetric, { description: 'What to measure' }) @IsEnum(MonitorMetric) metric: MonitorMetric;
}

import { AttestError } from '@attest/core';
import { dayOf, MAX_RANGE_DAYS } from '../statistics/daily-statistics.service';
import { DEFAULT_THRESHOLDS, type MonitorMetricName } from './measure';
import type { MonitorSettingsInput } from './monitor.models';

export interface MonitorSettings {
  referenceDecisions: number | null;
  referenceFrom: string | null;
  referenceTo: string | null;
  windowDays: number;
  warnAt: number;
  alertAt: number;
}

const DEFAULT_WINDOW_DAYS = 7;

/** A new monitor's settings: the input over the metric's defaults; VALIDATION_FAILED when they do not hold together. */
export function newSettings(metric: MonitorMetricName, input: MonitorSettingsInput): MonitorSettings {
  return checked(
    applied(
      { referenceDecisions: null, referenceFrom: null, referenceTo: null, windowDays: DEFAULT_WINDOW_DAYS, ...DEFAULT_THRESHOLDS[metric] },
      input,
    ),
  );
}

/** A monitor's settings changed by the input: a reference given replaces the other kind. */
export function changedSettings(current: MonitorSettings, input: MonitorSettingsInput): MonitorSettings {
  return checked(applied(current, input));
}

function applied(base: MonitorSettings, input: MonitorSettingsInput): MonitorSettings {
  const period = input.referenceFrom !== undefined || input.referenceTo !== undefined;
  const byCount = input.referenceDecisions !== undefined;
  if (period && byCount) throw AttestError.validation('A reference is the first N decisions or a pinned period, not both');
  return {
    referenceDecisions: period ? null : (input.referenceDecisions ?? base.referenceDecisions),
    referenceFrom: byCount ? null : (input.referenceFrom ?? base.referenceFrom),
    referenceTo: byCount ? null : (input.referenceTo ?? base.referenceTo),
    windowDays: input.windowDays ?? base.windowDays,
    warnAt: input.warnAt ?? base.warnAt,
    alertAt: input.alertAt ?? base.alertAt,
  };
}

function checked(s: MonitorSettings): MonitorSettings {
  if (s.referenceDecisions === null) {
    if (s.referenceFrom === null || s.referenceTo === null)
      throw AttestError.validation('Give a reference: referenceDecisions, or referenceFrom and referenceTo');
    const days = (dayOf(s.referenceTo, 'referenceTo') - dayOf(s.referenceFrom, 'referenceFrom')) / 86_400_000;
    if (days < 0) throw AttestError.validation('referenceTo is before referenceFrom');
    if (days >= MAX_RANGE_DAYS) throw AttestError.validation(`A reference period is at most ${MAX_RANGE_DAYS} days`);
  }
  if (s.alertAt < s.warnAt) throw AttestError.validation('alertAt is below warnAt', { warnAt: s.warnAt, alertAt: s.alertAt });
  return s;
}

import { Global, Injectable, Module } from '@nestjs/common';
import { MONITOR_STATE_FACTS, type MonitorStateFacts } from '@attest/core';
import { MONITOR_METRICS, type MonitorMetricName } from './measure';

/** A metric's name among the `monitor.*` policy facts: `confidence_psi` → `confidencePsi`. */
export function monitorFactKey(metric: MonitorMetricName): string {
  return metric.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

const KEY_OF_METRIC = MONITOR_METRICS.map((metric) => `WHEN '${metric}' THEN '${monitorFactKey(metric)}'`).join(' ');

/**
 * The `monitor.*` facts of a decision: its automation version's monitors as their last evaluation
 * left them, read in the decision's own statement (one round trip, as the active pack's digest).
 * A monitor the evaluation job has not reached yet is `no_data`: policies act on what was measured.
 */
@Injectable()
export class MonitorStateFactsSql implements MonitorStateFacts {
  readonly factsSql = `
    SELECT coalesce(json_object_agg(CASE ms.metric ${KEY_OF_METRIC} END, json_build_object('state', ms.state, 'value', ms.value)), '{}')
      FROM monitors ms WHERE ms.automation_version_id = av.id`;
}

/** Global, as POLICY_CHECK: the decisions context (API and worker) injects the seam without importing monitoring. */
@Global()
@Module({
  providers: [MonitorStateFactsSql, { provide: MONITOR_STATE_FACTS, useExisting: MonitorStateFactsSql }],
  exports: [MONITOR_STATE_FACTS],
})
export class MonitorStateFactsModule {}

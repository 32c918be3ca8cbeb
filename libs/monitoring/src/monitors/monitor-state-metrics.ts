import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import { attestMeter, cachedReading } from '@attest/observability';

const CACHE_MS = 5_000;

interface MonitorStateRow {
  tenant_id: string;
  automation_id: string;
  automation_version_id: string;
  metric: string;
  state: string;
  value: number | null;
}

/**
 * Every drift monitor's state and value as its last evaluation stored them, read from PostgreSQL when
 * Prometheus scrapes (attest_monitor_states, cached a few seconds): `attest_monitors_state` is 1 for
 * the state a monitor is in, so `attest_monitors_state{state="alert"} == 1` is a drift alert.
 * Provided by the API only, so that a worker does not export the same series a second time.
 */
@Injectable()
export class MonitorStateMetrics {
  constructor(db: TenantDb) {
    const meter = attestMeter('monitoring');
    const states = cachedReading(CACHE_MS, () => db.unscoped<MonitorStateRow>('SELECT * FROM attest_monitor_states()'));
    const state = meter.createObservableGauge('attest.monitors.state', {
      description: 'Drift monitors: 1 for the state each is in (no_data, ok, warn, alert), by tenant, automation, version and metric',
    });
    const value = meter.createObservableGauge('attest.monitors.value', {
      description: "Drift monitors' values at their last evaluation (PSI, KS's D, or a rate), by tenant, automation, version and metric",
    });
    meter.addBatchObservableCallback(
      async (result) => {
        for (const row of (await states()) ?? []) {
          const labels = {
            tenant_id: row.tenant_id,
            automation_id: row.automation_id,
            automation_version_id: row.automation_version_id,
            metric: row.metric,
          };
          result.observe(state, 1, { ...labels, state: row.state });
          if (row.value !== null) result.observe(value, row.value, labels);
        }
      },
      [state, value],
    );
  }
}

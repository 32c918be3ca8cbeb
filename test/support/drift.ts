import { MonitorsService } from '@attest/monitoring';
import type { AutomationFixture } from './decision-fixtures';
import { decisionInput } from './decision-fixtures';
import { sealAll } from './ledger';
import { withClient } from './test-database';
import { ok, type TestApp } from './test-app';

/** A UTC day `offset` days from today, YYYY-MM-DD. */
export const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const DEFINE = 'mutation($i: DefineMonitorInput!) { defineMonitor(input: $i) { id } }';
const CHANGE = 'mutation($id: ID!, $i: MonitorSettingsInput!) { changeMonitor(id: $id, input: $i) { id } }';
const BATCH = 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }';

/** Evaluates every monitor of the tenant as of today, as the sweeper's job does. */
export async function evaluateMonitors(t: TestApp): Promise<void> {
  const tenantId = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id as string;
  await t.app.get(MonitorsService).evaluateTenant(tenantId, dayFromToday(0), 'drift-test-support');
}

/**
 * Gives the fixture's version a confidence shift, as test/drift-monitors.e2e-spec.ts does: a reference
 * period ten days ago spread evenly over the buckets (decisions cannot be recorded in the past through
 * the API, so its sealed counts are written here), and today 20 decisions at 0.95, recorded and sealed.
 */
export async function shiftConfidence(t: TestApp, f: AutomationFixture): Promise<void> {
  const tenantId = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id as string;
  await withClient(t.databaseUrl, async (owner) => {
    await owner.query(`INSERT INTO monitoring_daily_stats VALUES ($1, $2, $3, 100, 0, 0, 0, 0, 0)`, [
      tenantId,
      f.automationVersionId,
      dayFromToday(-10),
    ]);
    await owner.query(`INSERT INTO monitoring_daily_confidence SELECT $1, $2, $3, b, 10 FROM generate_series(0, 9) b`, [
      tenantId,
      f.automationVersionId,
      dayFromToday(-10),
    ]);
  });
  const batch = Array.from({ length: 20 }, () => decisionInput(f, { confidence: 0.95 }));
  ok(await t.gql(f.service.key, BATCH, { i: { decisions: batch } }));
  await sealAll(t);
}

/** A monitor of the shifted version against the reference period of shiftConfidence; returns its id. */
export async function defineShiftedMonitor(
  t: TestApp,
  key: string,
  f: AutomationFixture,
  metric: 'CONFIDENCE_PSI' | 'CONFIDENCE_KS',
  thresholds: { warnAt?: number; alertAt?: number } = {},
): Promise<string> {
  const i = {
    automationVersionId: f.automationVersionId,
    metric,
    referenceFrom: dayFromToday(-30),
    referenceTo: dayFromToday(-8),
    ...thresholds,
  };
  return ok(await t.gql(key, DEFINE, { i })).defineMonitor.id as string;
}

/** Raises a monitor's thresholds out of reach and evaluates: its recovery to OK. */
export async function recoverMonitor(t: TestApp, key: string, id: string): Promise<void> {
  ok(await t.gql(key, CHANGE, { id, i: { warnAt: 500, alertAt: 1000 } }));
  await evaluateMonitors(t);
}

import { MonitorsService } from '@attest/monitoring';
import type { AutomationFixture } from './decision-fixtures';
import { decisionInput } from './decision-fixtures';
import { sealAll } from './ledger';
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
 * Gives the fixture's version a confidence shift through the API: a reference ten days ago of 100
 * decisions spread evenly over the buckets (recorded now, counted on the day they happened), and
 * today 20 decisions at 0.95; all sealed into the statistics.
 */
export async function shiftConfidence(t: TestApp, f: AutomationFixture): Promise<void> {
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
  const reference = Array.from({ length: 100 }, (_, i) => decisionInput(f, { confidence: 0.05 + (i % 10) / 10, occurredAt: tenDaysAgo }));
  const today = Array.from({ length: 20 }, () => decisionInput(f, { confidence: 0.95 }));
  for (const decisions of [reference, today]) {
    const { counts } = ok(await t.gql(f.service.key, BATCH, { i: { decisions } })).recordDecisions;
    if (counts.failed > 0) throw new Error(`shiftConfidence: ${counts.failed} decisions were refused`);
  }
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

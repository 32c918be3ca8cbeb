import type { EntityManager } from 'typeorm';
import type { MonitorMetricName, MonitorStateName } from './measure';
import type { MonitorSettings } from './monitor-settings';

export interface MonitorRow extends MonitorSettings {
  id: string;
  tenantId: string;
  automationId: string;
  automationVersionId: string;
  metric: MonitorMetricName;
  state: MonitorStateName;
  value: number | null;
  evaluatedAt: Date | null;
  stateSince: Date;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const MONITOR_COLUMNS = `id, tenant_id AS "tenantId", automation_id AS "automationId", automation_version_id AS "automationVersionId", metric,
  reference_decisions AS "referenceDecisions", to_char(reference_from, 'YYYY-MM-DD') AS "referenceFrom",
  to_char(reference_to, 'YYYY-MM-DD') AS "referenceTo", window_days AS "windowDays", warn_at AS "warnAt", alert_at AS "alertAt",
  state, value, evaluated_at AS "evaluatedAt", state_since AS "stateSince", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function findMonitor(m: EntityManager, id: string, lock = false): Promise<MonitorRow | null> {
  const [row]: MonitorRow[] = await m.query(`SELECT ${MONITOR_COLUMNS} FROM monitors WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

/** The snapshot an audit event keeps of a monitor's settings. */
export function settingsOf(row: MonitorSettings & { metric: string; automationVersionId: string }): Record<string, unknown> {
  const { automationVersionId, metric, referenceDecisions, referenceFrom, referenceTo, windowDays, warnAt, alertAt } = row;
  return { automationVersionId, metric, referenceDecisions, referenceFrom, referenceTo, windowDays, warnAt, alertAt };
}

import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { WebhookDispatcher } from '@attest/decisions';
import { attestMeter } from '@attest/observability';
import { AutomationVersionsService } from '@attest/registry';
import { dayOf, MAX_RANGE_DAYS } from '../statistics/daily-statistics.service';
import type { MonitorMetricName, MonitorStateName } from './measure';
import { evaluateMonitor, monitorSeries } from './monitor-evaluation';
import { changedSettings, newSettings } from './monitor-settings';
import { findMonitor, MONITOR_COLUMNS, settingsOf, type MonitorRow } from './monitor-store';
import type { DefineMonitorInput, MonitorSettingsInput } from './monitor.models';

/** A monitor's state change, as the evaluation audits it. */
export interface MonitorTransition {
  monitorId: string;
  automationVersionId: string;
  metric: MonitorMetricName;
  from: MonitorStateName;
  to: MonitorStateName;
  value: number | null;
}

@Injectable()
export class MonitorsService {
  /** Where evaluations run (the API on the embedded default, the workers with Redis). */
  private readonly stateChanges = attestMeter('monitoring').createCounter('attest.monitors.state_changes', {
    description: "Drift monitors' state changes, by metric and the states left and entered (each is also audited)",
  });

  constructor(
    private readonly db: TenantDb,
    private readonly versions: AutomationVersionsService,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async define(actor: AuthenticatedPrincipal, input: DefineMonitorInput): Promise<MonitorRow> {
    const settings = newSettings(input.metric, input);
    const version = await this.versions.get(actor, input.automationVersionId);
    return this.db.transaction(actor.tenantId, async (m) => {
      const [created]: MonitorRow[] = await m.query(
        `INSERT INTO monitors (tenant_id, automation_id, automation_version_id, metric, reference_decisions, reference_from, reference_to,
                               window_days, warn_at, alert_at, created_by)
         VALUES ($1, $11, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (automation_version_id, metric) DO NOTHING RETURNING ${MONITOR_COLUMNS}`,
        [
          actor.tenantId,
          input.automationVersionId,
          input.metric,
          settings.referenceDecisions,
          settings.referenceFrom,
          settings.referenceTo,
          settings.windowDays,
          settings.warnAt,
          settings.alertAt,
          actor.principalId,
          version.automationId,
        ],
      );
      if (!created) throw AttestError.conflict('This automation version already has a monitor of this metric: change it instead');
      await recordAudit(m, actor, { action: 'monitor.defined', subjectType: 'Monitor', subjectId: created.id, after: settingsOf(created) });
      return created;
    });
  }

  async change(actor: AuthenticatedPrincipal, id: string, input: MonitorSettingsInput): Promise<MonitorRow> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const before = await findMonitor(m, id, true);
      if (!before) throw AttestError.notFound('Monitor', id);
      const s = changedSettings(before, input);
      // An UPDATE's result is [rows, affected count].
      const [[after]]: [MonitorRow[], number] = await m.query(
        `UPDATE monitors SET reference_decisions = $2, reference_from = $3, reference_to = $4, window_days = $5, warn_at = $6,
                alert_at = $7, updated_at = clock_timestamp()
          WHERE id = $1 RETURNING ${MONITOR_COLUMNS}`,
        [id, s.referenceDecisions, s.referenceFrom, s.referenceTo, s.windowDays, s.warnAt, s.alertAt],
      );
      await recordAudit(m, actor, {
        action: 'monitor.changed',
        subjectType: 'Monitor',
        subjectId: id,
        before: settingsOf(before),
        after: settingsOf(after),
      });
      return after;
    });
  }

  /** The tenant's monitors, of one automation version or all (up to 1,000), optionally only those in the given states. */
  async list(actor: AuthenticatedPrincipal, filter: { automationVersionId?: string; states?: MonitorStateName[] }): Promise<MonitorRow[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.query(
        `SELECT ${MONITOR_COLUMNS} FROM monitors
          WHERE ($1::uuid IS NULL OR automation_version_id = $1) AND ($2::text[] IS NULL OR state = ANY($2))
          ORDER BY ${filter.automationVersionId ? 'metric' : 'created_at, id'} LIMIT 1000`,
        [filter.automationVersionId ?? null, filter.states ?? null],
      ),
    );
  }

  async series(actor: AuthenticatedPrincipal, automationVersionId: string, metric: MonitorMetricName, from: string, to: string) {
    const days = (dayOf(to, 'to') - dayOf(from, 'from')) / 86_400_000;
    if (days < 0) throw AttestError.validation('to is before from', { from, to });
    if (days >= MAX_RANGE_DAYS) throw AttestError.validation(`A range is at most ${MAX_RANGE_DAYS} days`, { from, to });
    return this.db.transaction(actor.tenantId, async (m) => {
      const [monitor]: MonitorRow[] = await m.query(
        `SELECT ${MONITOR_COLUMNS} FROM monitors WHERE automation_version_id = $1 AND metric = $2`,
        [automationVersionId, metric],
      );
      if (!monitor) throw AttestError.notFound('Monitor', `${automationVersionId}/${metric}`);
      return monitorSeries(m, monitor, from, to);
    });
  }

  /**
   * Evaluates every monitor of the tenant for the window ending on `asOf` (today, UTC), each in its
   * own transaction under a row lock (two evaluators never both record one change). A state change
   * is audited (`monitor.state_changed`, by no principal) with the state left and the value; a rise
   * to WARN or ALERT is a `monitor.alert` webhook, a return to OK from either `monitor.recovered`
   * (outbox rows in the same transaction, dispatched after commit).
   */
  async evaluateTenant(tenantId: string, asOf: string, correlationId: string): Promise<MonitorTransition[]> {
    const ids: { id: string }[] = await this.db.transaction(tenantId, (m) => m.query('SELECT id FROM monitors ORDER BY id'));
    const transitions: MonitorTransition[] = [];
    for (const { id } of ids) {
      const deliveries: string[] = [];
      const transition = await this.db.transaction(tenantId, async (m) => {
        const monitor = await findMonitor(m, id, true);
        if (!monitor) return null;
        const { value, state } = await evaluateMonitor(m, monitor, asOf);
        const changed = state !== monitor.state;
        await m.query(
          `UPDATE monitors SET value = $2, state = $3, evaluated_at = clock_timestamp(),
                  state_since = CASE WHEN $4 THEN clock_timestamp() ELSE state_since END WHERE id = $1`,
          [id, value, state, changed],
        );
        if (!changed) return null;
        const { automationVersionId, metric } = monitor;
        await recordAudit(
          m,
          { tenantId, principalId: null, correlationId },
          {
            action: 'monitor.state_changed',
            subjectType: 'Monitor',
            subjectId: id,
            before: { state: monitor.state, value: monitor.value },
            after: { state, value, automationVersionId, metric, asOf },
          },
        );
        const event = webhookEventOf(monitor.state, state);
        if (event) {
          const { warnAt, alertAt, automationId } = monitor;
          const payload = {
            monitor: { id, automationId, automationVersionId, metric, state, previousState: monitor.state, value, warnAt, alertAt, asOf },
          };
          deliveries.push(...(await this.webhooks.recordMonitorEvent(m, { tenantId, automationId, id }, event, payload)));
        }
        return { monitorId: id, automationVersionId, metric, from: monitor.state, to: state, value };
      });
      await this.webhooks.dispatch(tenantId, deliveries);
      if (!transition) continue;
      transitions.push(transition);
      this.stateChanges.add(1, { metric: transition.metric, from: transition.from, to: transition.to });
    }
    return transitions;
  }
}

const RANK: Record<MonitorStateName, number> = { no_data: 0, ok: 0, warn: 1, alert: 2 };

/** A rise to WARN or ALERT alerts; a return to OK from either recovers; other changes are audited only. */
export function webhookEventOf(from: MonitorStateName, to: MonitorStateName): 'monitor.alert' | 'monitor.recovered' | null {
  if (RANK[to] > RANK[from]) return 'monitor.alert';
  return to === 'ok' && RANK[from] > 0 ? 'monitor.recovered' : null;
}

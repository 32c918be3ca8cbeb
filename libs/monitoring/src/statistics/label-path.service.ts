import { Injectable } from '@nestjs/common';
import { AttestError, recordAudit, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { AutomationsService } from '@attest/registry';
import type { EntityManager } from 'typeorm';
import { formatLabelPath, parseLabelPath } from './label-path';
import type { MonitoringLabelPathModel } from './monitoring-statistics.models';

interface LabelPathRow {
  path: string[];
  updated_by: string;
  updated_at: Date;
}

/** Each automation's label path: read by the sealing trigger (migrations/1765010000000-MonitoringStatistics.ts). */
@Injectable()
export class LabelPathService {
  constructor(
    private readonly db: TenantDb,
    private readonly automations: AutomationsService,
  ) {}

  async get(actor: AuthenticatedPrincipal, automationId: string): Promise<MonitoringLabelPathModel> {
    await this.automations.get(actor, automationId);
    return this.db.transaction(actor.tenantId, async (m) => toModel(automationId, await current(m, automationId)));
  }

  /** Sets (or, with null, clears) the path; audited with before and after in the same transaction. */
  async set(actor: AuthenticatedPrincipal, automationId: string, text: string | null): Promise<MonitoringLabelPathModel> {
    const keys = text === null ? null : parseLabelPath(text);
    if (text !== null && keys === null)
      throw AttestError.validation('A label path is $.key or $.key.key… (up to 8 keys of letters, digits, _ and -)', { path: text });
    await this.automations.get(actor, automationId);
    return this.db.transaction(actor.tenantId, async (m) => {
      const before = await current(m, automationId);
      const [after]: LabelPathRow[] =
        keys === null
          ? (await m.query('DELETE FROM monitoring_label_paths WHERE automation_id = $1', [automationId]), [])
          : await m.query(
              `INSERT INTO monitoring_label_paths (automation_id, tenant_id, path, updated_by) VALUES ($1, $2, $3, $4)
               ON CONFLICT (automation_id) DO UPDATE SET path = excluded.path, updated_by = excluded.updated_by, updated_at = clock_timestamp()
               RETURNING path, updated_by, updated_at`,
              [automationId, actor.tenantId, keys, actor.principalId],
            );
      await recordAudit(m, actor, {
        action: 'monitoring.label_path_set',
        subjectType: 'Automation',
        subjectId: automationId,
        before: before ? { path: formatLabelPath(before.path) } : null,
        after: after ? { path: formatLabelPath(after.path) } : null,
      });
      return toModel(automationId, after ?? null);
    });
  }
}

async function current(m: EntityManager, automationId: string): Promise<LabelPathRow | null> {
  const [row]: LabelPathRow[] = await m.query('SELECT path, updated_by, updated_at FROM monitoring_label_paths WHERE automation_id = $1', [
    automationId,
  ]);
  return row ?? null;
}

function toModel(automationId: string, row: LabelPathRow | null): MonitoringLabelPathModel {
  return {
    automationId,
    path: row ? formatLabelPath(row.path) : null,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

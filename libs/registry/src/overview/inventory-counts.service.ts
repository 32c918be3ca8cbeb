import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { readable, type ReadableTable } from '../registry-access';
import { LifecycleStatus, RiskClass, RiskTier } from '../registry.enums';
import { AUTOMATION_VERSIONS, AUTOMATIONS, DATASET_VERSIONS, DATASETS, MODEL_VERSIONS, MODELS } from '../registry-tables';
import type { AutomationInventoryModel, DatasetInventoryModel, ModelInventoryModel } from './inventory.models';

/** One count per value of `values`, zeros included and in the enum's order, from grouped rows. */
function countsBy<V extends string, K extends string>(values: V[], rows: { value: string; count: number }[], key: K) {
  const counted = new Map<string, number>();
  for (const row of rows) counted.set(row.value, (counted.get(row.value) ?? 0) + row.count);
  return values.map((value) => ({ [key]: value, count: counted.get(value) ?? 0 }) as Record<K, V> & { count: number });
}

/**
 * The overview's inventory (issue 15): models, automations and datasets the caller may read,
 * counted in SQL under the same read rules as the lists (accessibleBy), and their versions grouped
 * by lifecycle status and risk. Each count is a version count because status and risk belong to a
 * version: one model may have a deployed version and a draft.
 */
@Injectable()
export class InventoryCounts {
  constructor(private readonly db: TenantDb) {}

  models(actor: AuthenticatedPrincipal): Promise<ModelInventoryModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows = await grouped(m, actor, MODEL_VERSIONS, 'risk_tier');
      return {
        models: await readable(m, actor, MODELS).getCount(),
        versions: rows.reduce((n, r) => n + r.count, 0),
        versionsByStatus: countsBy(Object.values(LifecycleStatus), rows.map(byStatus), 'status'),
        versionsByRiskTier: countsBy(Object.values(RiskTier), rows.map(byRisk), 'riskTier'),
      };
    });
  }

  automations(actor: AuthenticatedPrincipal): Promise<AutomationInventoryModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows = await grouped(m, actor, AUTOMATION_VERSIONS, 'risk_class');
      return {
        automations: await readable(m, actor, AUTOMATIONS).getCount(),
        versions: rows.reduce((n, r) => n + r.count, 0),
        versionsByStatus: countsBy(Object.values(LifecycleStatus), rows.map(byStatus), 'status'),
        versionsByRiskClass: countsBy(Object.values(RiskClass), rows.map(byRisk), 'riskClass'),
      };
    });
  }

  datasets(actor: AuthenticatedPrincipal): Promise<DatasetInventoryModel> {
    return this.db.transaction(actor.tenantId, async (m) => ({
      datasets: await readable(m, actor, DATASETS).getCount(),
      versions: await readable(m, actor, DATASET_VERSIONS).getCount(),
    }));
  }
}

interface GroupedRow {
  status: string;
  risk: string;
  count: number;
}

const byStatus = (r: GroupedRow) => ({ value: r.status, count: r.count });
const byRisk = (r: GroupedRow) => ({ value: r.risk, count: r.count });

/** Readable versions counted per (status, risk) pair. */
async function grouped<E extends ObjectLiteral>(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  table: ReadableTable<E>,
  riskColumn: string,
): Promise<GroupedRow[]> {
  const a = table.alias;
  const rows = await readable(m, actor, table)
    .select(`${a}.status`, 'status')
    .addSelect(`${a}.${riskColumn}`, 'risk')
    .addSelect('count(*)::int', 'count')
    .groupBy(`${a}.status`)
    .addGroupBy(`${a}.${riskColumn}`)
    .getRawMany<GroupedRow>();
  return rows;
}

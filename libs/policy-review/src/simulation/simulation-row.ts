import type { PolicyFile } from './candidate-pack';
import { PolicySimulationStatus, type PolicySimulationModel } from './models/policy-simulation.model';
import type { SimulationFilter } from './simulation-records';
import type { PolicyDiffReport } from '../diff/policy-diff';

/** A row of policy_simulations as the queries read it. */
export interface SimulationRow {
  id: string;
  tenant_id: string;
  requested_by: string;
  status: PolicySimulationStatus;
  label: string | null;
  source: PolicyFile[];
  head_digest: string;
  base_digest: string | null;
  filter: { automationId?: string; from?: string; to?: string; limit: number };
  total: number | null;
  processed: number;
  enqueues: number;
  report: PolicyDiffReport | null;
  markdown: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const DEFAULT_LIMIT = 100_000;

export function filterOf(row: SimulationRow): SimulationFilter {
  const { automationId, from, to, limit } = row.filter;
  return { automationId, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, limit };
}

export function toModel(row: SimulationRow): PolicySimulationModel {
  const replay = row.report?.replay?.reports[0];
  return {
    id: row.id,
    status: row.status,
    label: row.label,
    headDigest: row.head_digest,
    baseDigest: row.base_digest,
    filter: row.filter,
    progress: { processed: row.processed, total: row.total },
    summary: replay
      ? {
          decisions: replay.decisions,
          replayed: replay.replayed,
          withoutFacts: replay.withoutFacts,
          failed: replay.failed,
          changed: replay.changed,
          byEffect: replay.byEffect,
          gatesChecked: replay.gates.checked,
          gatesChanged: replay.gates.changed.length,
          gatesNowFailing: replay.gates.changed.filter((g) => g.head.effect === 'deny' && g.base.effect !== 'deny').length,
        }
      : row.report
        ? {
            decisions: 0,
            replayed: 0,
            withoutFacts: 0,
            failed: 0,
            changed: 0,
            byEffect: [],
            gatesChecked: 0,
            gatesChanged: 0,
            gatesNowFailing: 0,
          }
        : null,
    report: row.report as unknown as Record<string, unknown> | null,
    markdown: row.markdown,
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

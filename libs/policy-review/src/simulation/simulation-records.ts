import { TenantDb } from '@attest/core';
import { decisionFacts } from '@attest/decisions';
import { gateFactsOf } from '@attest/registry';
import type { Effect } from '@attest/policy';
import type { ReplayRecord } from '../replay/decision-record';

/** Which recorded decisions a simulation replays. */
export interface SimulationFilter {
  automationId?: string;
  /** occurredAt ≥ from, < to. */
  from?: Date;
  to?: Date;
  /** At most this many decisions, newest first. */
  limit: number;
}

const PAGE = 1000;

interface DecisionRow {
  id: string;
  recorded_at: Date;
  automation_key: string;
  policy_facts: Record<string, unknown> | null;
  output: unknown;
  context: Record<string, unknown>;
  policy_pack_digest: string | null;
  policy_effect: Effect | null;
  policy_results: { id: string }[];
}

/** The filter as SQL conditions over `decision_replay_rows d` (the decisions context's published view), its parameters numbered after the `before` ones the query has. */
function filterSql(filter: SimulationFilter, before: number): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length + before}`));
  };
  if (filter.automationId) add('d.automation_id = ?', filter.automationId);
  if (filter.from) add('d.occurred_at >= ?', filter.from);
  if (filter.to) add('d.occurred_at < ?', filter.to);
  return { where: where.map((w) => ` AND ${w}`).join(''), params };
}

/** How many decisions the filter selects (capped at its limit): the job's total, for progress. */
export async function countDecisions(db: TenantDb, tenantId: string, filter: SimulationFilter): Promise<number> {
  const { where, params } = filterSql(filter, 0);
  const rows: { n: number }[] = await db.transaction(tenantId, (m) =>
    m.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM decision_replay_rows d WHERE true${where} LIMIT ${filter.limit}) s`, params),
  );
  return rows[0].n;
}

/**
 * The tenant's lifecycle gates, then its decisions (newest first, in pages of 1000 on the decisions'
 * (recorded_at, id) index, each page its own short transaction), as replay records with the facts
 * the policies judged. `onPage` is told how many decisions have been read.
 */
export async function* simulationRecords(
  db: TenantDb,
  tenantId: string,
  filter: SimulationFilter,
  onPage: (read: number) => Promise<void>,
): AsyncGenerator<ReplayRecord> {
  for (const gate of await db.transaction(tenantId, (m) => gateFactsOf(m))) yield { kind: 'gate', ...gate };
  const { where, params } = filterSql(filter, 2);
  let cursor: [Date | null, string | null] = [null, null];
  let read = 0;
  while (read < filter.limit) {
    const rows: DecisionRow[] = await db.transaction(tenantId, (m) =>
      m.query(
        `SELECT d.id, d.recorded_at, a.key AS automation_key, d.policy_facts, d.output, d.context, d.policy_pack_digest, d.policy_effect, d.policy_results
         FROM decision_replay_rows d JOIN registry_automation_refs a ON a.id = d.automation_id
        WHERE ($1::timestamptz IS NULL OR (d.recorded_at, d.id) < ($1::timestamptz, $2::uuid))${where}
        ORDER BY d.recorded_at DESC, d.id DESC LIMIT ${Math.min(PAGE, filter.limit - read)}`,
        [cursor[0], cursor[1], ...params],
      ),
    );
    for (const r of rows) {
      yield {
        kind: 'decision',
        id: r.id,
        automationKey: r.automation_key,
        recordedAt: r.recorded_at.toISOString(),
        recorded:
          r.policy_pack_digest && r.policy_effect
            ? { packDigest: r.policy_pack_digest, effect: r.policy_effect, matched: r.policy_results.map((x) => x.id).sort() }
            : null,
        facts: r.policy_facts ? decisionFacts(r.policy_facts, r.output, r.context) : null,
      };
    }
    read += rows.length;
    await onPage(read);
    if (rows.length === 0 || rows.length < PAGE) return;
    cursor = [rows[rows.length - 1].recorded_at, rows[rows.length - 1].id];
  }
}

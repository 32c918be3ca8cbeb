import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import { every, JobQueue } from '@attest/jobs';
import type { EntityManager } from 'typeorm';
import { decisionRunEvent, type DecisionForExport } from './decision-run-event';

const EXPORT_EVERY_MS = 2_000;
const BATCH = 100;
const TIMEOUT_MS = 10_000;

interface SealedDecisionRow {
  position: string;
  sealed_at: Date;
  id: string;
  tenant_id: string;
  automation_key: string;
  recorded_at: Date;
  artifact_uri: string;
  status: string;
  policy_pack_digest: string | null;
  policy_effect: string | null;
  policy_results: { id: string; version: number; effect: string }[];
  verdict: string | null;
  reviewer_roles: string[] | null;
  sources: string[];
}

/** The next sealed decisions after the cursor, in ledger order, with what their run event says. */
const NEXT_SEALED = `
  SELECT l.position, l.sealed_at, d.id, d.tenant_id, a.key AS automation_key, d.recorded_at, mv.artifact_uri, d.status,
         d.policy_pack_digest, d.policy_effect, d.policy_results, r.verdict,
         (SELECT array_agg(DISTINCT rb.role) FROM role_bindings rb WHERE rb.principal_id = r.reviewer_id) AS reviewer_roles,
         (SELECT coalesce(array_agg(dv.source_uri ORDER BY dv.source_uri), '{}') FROM lineage_edges e JOIN dataset_versions dv ON dv.id = e.upstream_id
           WHERE e.tenant_id = d.tenant_id AND e.downstream_type = 'decision' AND e.downstream_id = d.id AND e.kind = 'consumed') AS sources
    FROM ledger_leaves l
    JOIN decisions d ON d.id::text = l.fact_id
    JOIN automations a ON a.id = d.automation_id
    JOIN model_versions mv ON mv.id = d.model_version_id
    LEFT JOIN decision_reviews r ON r.decision_id = d.id
   WHERE l.tenant_id = $1 AND l.kind = 'decision' AND l.position > $2
   ORDER BY l.position LIMIT $3`;

/**
 * OpenLineage out: each sealed decision sent once, as a run event with the attest_governance
 * facet (decision-run-event.ts), to ATTEST_OPENLINEAGE_URL, in ledger order. The cursor is the
 * ledger position of the last decision the endpoint accepted, moved in the transaction that
 * holds its row (so two workers never send the same batch); a failure is retried with doubling
 * waits from ATTEST_OPENLINEAGE_BACKOFF_MS, and nothing after it is sent first. Runs where job
 * handlers run, only when an endpoint is configured.
 */
@Injectable()
export class OpenLineageExporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OpenLineage');
  private stop?: () => void;

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.jobs.runsHandlersHere || !this.config.openLineage.url) return;
    this.stop = every(EXPORT_EVERY_MS, () => this.runOnce(), (e) => this.logger.warn(`OpenLineage export failed: ${e.message}`));
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Sends what is due for every tenant; returns how many events were accepted. */
  async runOnce(): Promise<number> {
    if (!this.config.openLineage.url) return 0;
    const tenants = await this.db.unscoped<{ attest_tenant_ids: string }>('SELECT attest_tenant_ids()');
    let sent = 0;
    for (const { attest_tenant_ids: tenantId } of tenants) sent += await this.exportTenant(tenantId);
    return sent;
  }

  private exportTenant(tenantId: string): Promise<number> {
    return this.db.transaction(tenantId, async (m) => {
      await m.query('INSERT INTO lineage_export_cursors (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING', [tenantId]);
      const [cursor]: { position: string; failures: number }[] = await m.query(
        `SELECT position, failures FROM lineage_export_cursors WHERE tenant_id = $1 AND (retry_at IS NULL OR retry_at <= now()) FOR UPDATE SKIP LOCKED`,
        [tenantId],
      );
      if (!cursor) return 0;
      const rows: SealedDecisionRow[] = await m.query(NEXT_SEALED, [tenantId, cursor.position, BATCH]);
      let position = Number(cursor.position);
      let sent = 0;
      for (const row of rows) {
        const error = await this.send(decisionRunEvent(forExport(row)));
        if (error) {
          await this.failed(m, tenantId, position, cursor.failures + 1, error);
          return sent;
        }
        position = Number(row.position);
        sent += 1;
      }
      if (sent > 0 || cursor.failures > 0) {
        await m.query(`UPDATE lineage_export_cursors SET position = $2, failures = 0, last_error = NULL, retry_at = NULL, updated_at = clock_timestamp() WHERE tenant_id = $1`, [tenantId, position]);
      }
      return sent;
    });
  }

  /** null when the endpoint took it (2xx), else why not. */
  private async send(event: Record<string, unknown>): Promise<string | null> {
    const { url, apiKey } = this.config.openLineage;
    try {
      const response = await fetch(`${url!.replace(/\/+$/, '')}/api/v1/lineage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  private async failed(m: EntityManager, tenantId: string, position: number, failures: number, error: string): Promise<void> {
    const waitMs = Math.min(this.config.openLineage.backoffMs * 2 ** (failures - 1), 3_600_000);
    await m.query(
      `UPDATE lineage_export_cursors SET position = $2, failures = $3, last_error = $4, retry_at = now() + $5 * interval '1 millisecond', updated_at = clock_timestamp()
        WHERE tenant_id = $1`,
      [tenantId, position, failures, error.slice(0, 500), waitMs],
    );
    this.logger.warn(`OpenLineage export of tenant ${tenantId} failed (${failures} in a row, next try in ${waitMs} ms): ${error}`);
  }
}

function forExport(r: SealedDecisionRow): DecisionForExport {
  return {
    id: r.id, tenantId: r.tenant_id, automationKey: r.automation_key, recordedAt: r.recorded_at, modelVersion: { artifactUri: r.artifact_uri },
    sources: r.sources.map((sourceUri) => ({ sourceUri })), status: r.status,
    policy: r.policy_pack_digest && r.policy_effect
      ? { packDigest: r.policy_pack_digest, effect: r.policy_effect, matched: r.policy_results.map(({ id, version, effect }) => ({ id, version, effect })) }
      : null,
    review: r.verdict ? { verdict: r.verdict, reviewerRoles: r.reviewer_roles ?? [] } : null,
    ledger: { index: Number(r.position), sealedAt: r.sealed_at },
  };
}

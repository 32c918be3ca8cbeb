import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTEST_CONFIG, TenantDb, type AttestConfig } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { eventsOf } from './export-events';
import { nextLeaves } from './ledger-feed';
import { sendRunEvent } from './send-run-event';

/** Leaves read per batch, most of them of no interest (audit events). */
const LEAVES_PER_BATCH = 500;
/** The longest pause after a job gave up. */
const MAX_PAUSE_MS = 3_600_000;

/** What one export batch did for a tenant. */
export interface ExportBatch {
  /** Events the endpoint accepted. */
  sent: number;
  /** The cursor after the batch: the last leaf handled. */
  position: number;
  /** Sealed leaves remain past the cursor. */
  more: boolean;
  /** Why the endpoint refused, when it did (the cursor stays at the event before). */
  error: string | null;
  /** The tenant's export generation after the batch (a new one after each finished batch and each job that gave up). */
  generation: number;
  /** Another batch of the tenant was running: this one did nothing. */
  busy: boolean;
}

/**
 * OpenLineage out, one batch for one tenant: the sealed leaves after the tenant's cursor, in
 * ledger order, each decision, review, model-version registration and lifecycle transition sent
 * as a run event (export-events.ts) to ATTEST_OPENLINEAGE_URL. The cursor (a ledger position:
 * gap-free, in seal order, so no late commit is skipped) moves in the transaction that holds its
 * row, so two jobs never send the same batch, and never past an event the endpoint refused.
 */
@Injectable()
export class OpenLineageExporter {
  private readonly logger = new Logger('OpenLineage');

  constructor(
    private readonly db: TenantDb,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.openLineage.url);
  }

  /** On a refusal, `lastAttempt` pauses the tenant's export (retry_at) and starts a new generation, instead of leaving the retry to the job queue. */
  exportBatch(tenantId: string, lastAttempt: boolean): Promise<ExportBatch> {
    return this.db.transaction(tenantId, async (m) => {
      await m.query('INSERT INTO lineage_export_cursors (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING', [tenantId]);
      const [cursor]: { position: string; failures: number; generation: number }[] = await m.query(
        'SELECT position, failures, generation FROM lineage_export_cursors WHERE tenant_id = $1 FOR UPDATE SKIP LOCKED',
        [tenantId],
      );
      if (!cursor) return { sent: 0, position: -1, more: true, error: null, generation: -1, busy: true };
      const leaves = await nextLeaves(m, tenantId, Number(cursor.position), LEAVES_PER_BATCH);
      const events = await eventsOf(m, leaves);
      let position = Number(cursor.position);
      let sent = 0;
      for (const { position: at, event } of events) {
        const error = await sendRunEvent({ url: this.config.openLineage.url!, apiKey: this.config.openLineage.apiKey }, event);
        if (error)
          return this.refused(m, tenantId, {
            position: at - 1,
            failures: cursor.failures + 1,
            generation: cursor.generation,
            sent,
            error,
            lastAttempt,
          });
        position = at;
        sent += 1;
      }
      if (leaves.length > 0) position = leaves[leaves.length - 1].position;
      const generation = cursor.generation + 1;
      await m.query(
        `UPDATE lineage_export_cursors SET position = $2, generation = $3, failures = 0, last_error = NULL, retry_at = NULL, updated_at = clock_timestamp()
          WHERE tenant_id = $1`,
        [tenantId, position, generation],
      );
      return { sent, position, more: leaves.length === LEAVES_PER_BATCH, error: null, generation, busy: false };
    });
  }

  private async refused(
    m: EntityManager,
    tenantId: string,
    r: { position: number; failures: number; generation: number; sent: number; error: string; lastAttempt: boolean },
  ): Promise<ExportBatch> {
    const pauseMs = Math.min(this.config.openLineage.backoffMs * 2 ** Math.min(r.failures, 30), MAX_PAUSE_MS);
    const generation = r.lastAttempt ? r.generation + 1 : r.generation;
    await m.query(
      `UPDATE lineage_export_cursors SET position = $2, failures = $3, last_error = $4, generation = $5,
              retry_at = CASE WHEN $6 THEN clock_timestamp() + $7 * interval '1 millisecond' END, updated_at = clock_timestamp()
        WHERE tenant_id = $1`,
      [tenantId, r.position, r.failures, r.error.slice(0, 500), generation, r.lastAttempt, pauseMs],
    );
    this.logger.warn(
      `OpenLineage export of tenant ${tenantId} refused (${r.failures} in a row${r.lastAttempt ? `, paused ${pauseMs} ms` : ''}): ${r.error}`,
    );
    return { sent: r.sent, position: r.position, more: true, error: r.error, generation, busy: false };
  }
}

import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';

/** Where a fact is in its tenant's log: its leaf's index and when a checkpoint first covered it (null until sealed). */
export interface FactSeal {
  factId: string;
  index: number | null;
  sealedAt: Date | null;
}

/**
 * The ledger's answer to the contexts whose facts it holds ("where is my decision in the log?"),
 * by leaf kind and fact id: the ledger knows leaves, never what a decision is.
 */
@Injectable()
export class LedgerSeals {
  constructor(private readonly db: TenantDb) {}

  async sealsOf(tenantId: string, kind: string, factIds: readonly string[]): Promise<FactSeal[]> {
    const rows: { fact_id: string; position: string | null; sealed_at: Date | null }[] = await this.db.transaction(tenantId, (m) =>
      m.query('SELECT fact_id, position, sealed_at FROM ledger_leaves WHERE tenant_id = $1 AND kind = $2 AND fact_id = ANY ($3::text[])', [
        tenantId,
        kind,
        [...factIds],
      ]),
    );
    return rows.map((r) => ({ factId: r.fact_id, index: r.position === null ? null : Number(r.position), sealedAt: r.sealed_at }));
  }
}

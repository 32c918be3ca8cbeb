import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FactOpenings } from './opening';

/** The kinds of fact whose content is committed to field by field (ledger format 3). */
export const OPENABLE_KINDS = ['audit_event', 'decision', 'decision_review'] as const;
export type OpenableKind = (typeof OPENABLE_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The openings of facts (`attest_ledger_openings`): each committed field's salt and text, for an
 * auditor to check offline against the fact's leaf. They disclose the content, so a caller hands
 * them out only with content its reader may read. Run in the tenant's transaction (`TenantDb`):
 * the salts come from its fact key, and row-level security keeps other tenants' facts out.
 */
@Injectable()
export class LedgerOpenings {
  /** A fact's openings; null for a fact written before format 3 (it cannot be opened) or no such fact. */
  async openingsOf(m: EntityManager, kind: OpenableKind, factId: string): Promise<FactOpenings | null> {
    return (await this.openingsOfEach(m, kind, [factId])).get(factId) ?? null;
  }

  /** The openings of several facts of one kind, in one statement, by fact id (each as openingsOf). */
  async openingsOfEach(m: EntityManager, kind: OpenableKind, factIds: readonly string[]): Promise<Map<string, FactOpenings | null>> {
    const ids = factIds.filter((id) => UUID.test(id));
    const rows: { id: string; openings: FactOpenings | null }[] =
      ids.length === 0
        ? []
        : await m.query('SELECT id::text, attest_ledger_openings($1, id) AS openings FROM unnest($2::uuid[]) id', [kind, ids]);
    const found = new Map(rows.map((r) => [r.id, r.openings]));
    return new Map(factIds.map((id) => [id, found.get(id) ?? null]));
  }
}

import type { EntityManager } from 'typeorm';
import { LineageNodeType, type NodeRef } from './lineage-vocabulary';

export interface Evidence {
  /** Who brought the node about: the registrant, the service that recorded, the reviewer. */
  actorId: string;
  actorName: string | null;
  at: Date;
  /** The audit event that records it, and where the ledger sealed the node's fact. */
  auditEventId: string | null;
  ledgerIndex: number | null;
  sealedAt: Date | null;
}

/**
 * Per node type: who and when (the owner's published rows, with `id`, `tenant_id`, `actor_id`, `at`,
 * `decision_id`), the audit event of its registration, and the ledger seal of the node — its own (a
 * decision's, a review's, a registered version's with its links), else its audit event's.
 */
interface EvidenceSource {
  /** The node rows with those columns; `$1` is the ids. */
  rows: string;
  /** Which audit event records the node: its first one, or (a review) its decision's `decision.reviewed`. */
  audit: string;
  leafOf: 'self' | 'audit';
}

// Each lookup is a range of a (tenant_id, …) index, even when the tenant has millions of audit
// events and leaves. Under row-level security a condition may use an index only if it is
// leakproof, and the uuid-to-text cast is not: the text ids come from a subquery (`k`, `a.id_text`)
// that PostgreSQL cannot flatten (OFFSET 0), so the lookups compare plain columns.
const FIRST_EVENT = `SELECT e.id, e.id::text AS id_text FROM audit_event_subjects e WHERE e.tenant_id = r.tenant_id AND e.subject_id = k.self ORDER BY e.occurred_at, e.id LIMIT 1`;
const registered = (type: LineageNodeType): EvidenceSource => ({
  rows: `SELECT id, tenant_id, created_by AS actor_id, created_at AS at, NULL::uuid AS decision_id
           FROM registry_version_origins WHERE type = '${type}' AND id = ANY ($1::uuid[])`,
  audit: FIRST_EVENT,
  leafOf: 'self',
});
const EVIDENCE: Partial<Record<LineageNodeType, EvidenceSource>> = {
  [LineageNodeType.DATASET_VERSION]: registered(LineageNodeType.DATASET_VERSION),
  [LineageNodeType.MODEL_VERSION]: registered(LineageNodeType.MODEL_VERSION),
  [LineageNodeType.AUTOMATION_VERSION]: registered(LineageNodeType.AUTOMATION_VERSION),
  [LineageNodeType.DECISION]: {
    rows: `SELECT id, tenant_id, recorded_by AS actor_id, recorded_at AS at, NULL::uuid AS decision_id
             FROM decision_lineage_rows WHERE id = ANY ($1::uuid[])`,
    audit: FIRST_EVENT,
    leafOf: 'self',
  },
  // A run: who reported it (the lineage producer's key) and when, from its first event as received.
  [LineageNodeType.RUN]: {
    rows: `SELECT DISTINCT ON (run_id) run_id AS id, tenant_id, received_by AS actor_id, received_at AS at, NULL::uuid AS decision_id
             FROM lineage_events WHERE tenant_id = attest_current_tenant() AND run_id = ANY ($1::uuid[]) ORDER BY run_id, received_at, id`,
    audit: FIRST_EVENT,
    leafOf: 'audit',
  },
  [LineageNodeType.REVIEW]: {
    rows: `SELECT id, tenant_id, reviewer_id AS actor_id, created_at AS at, decision_id
             FROM decision_review_lineage_rows WHERE id = ANY ($1::uuid[])`,
    leafOf: 'self',
    audit: `SELECT e.id, e.id::text AS id_text FROM audit_event_subjects e WHERE e.tenant_id = r.tenant_id AND e.subject_id = k.decision AND e.action = 'decision.reviewed' ORDER BY e.occurred_at DESC, e.id LIMIT 1`,
  },
};

export async function evidenceOf(m: EntityManager, nodes: readonly NodeRef[]): Promise<Map<string, Evidence>> {
  const found = new Map<string, Evidence>();
  const byType = new Map<LineageNodeType, string[]>();
  for (const node of nodes) byType.set(node.type, [...(byType.get(node.type) ?? []), node.id]);
  for (const [type, ids] of byType) {
    const spec = EVIDENCE[type];
    if (!spec) continue;
    const rows: {
      id: string;
      actor_id: string;
      actor_name: string | null;
      at: Date;
      audit_event_id: string | null;
      position: string | null;
      sealed_at: Date | null;
    }[] = await m.query(
      `SELECT r.id, r.actor_id, p.name AS actor_name, r.at, a.id AS audit_event_id, l.position, l.sealed_at
           FROM (${spec.rows}) r
           CROSS JOIN LATERAL (SELECT r.id::text AS self, r.decision_id::text AS decision OFFSET 0) k
           LEFT JOIN identity_principals p ON p.id = r.actor_id
           LEFT JOIN LATERAL (${spec.audit}) a ON true
           LEFT JOIN LATERAL (SELECT position, sealed_at FROM ledger_fact_seals
                               WHERE tenant_id = r.tenant_id AND fact_id = ${spec.leafOf === 'self' ? 'k.self' : 'a.id_text'} ORDER BY id LIMIT 1) l ON true`,
      [ids],
    );
    for (const r of rows) {
      found.set(`${type}:${r.id}`, {
        actorId: r.actor_id,
        actorName: r.actor_name,
        at: r.at,
        auditEventId: r.audit_event_id,
        ledgerIndex: r.position === null ? null : Number(r.position),
        sealedAt: r.sealed_at,
      });
    }
  }
  return found;
}

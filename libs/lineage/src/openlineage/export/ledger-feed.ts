import type { EntityManager } from 'typeorm';

/** A sealed ledger leaf, and what the export makes of it. */
export interface FeedLeaf {
  position: number;
  sealedAt: Date;
  /** What event the leaf is: a decision, its review, a model version's registration or transition; null for the rest. */
  exports:
    | { kind: 'decision'; decisionId: string }
    | { kind: 'review'; reviewId: string; decisionId: string }
    | { kind: 'model_registered'; modelVersionId: string }
    | { kind: 'model_transition'; transitionId: string; modelVersionId: string }
    | null;
}

/**
 * The tenant's sealed leaves after a position, in ledger order, each with the subject it would be
 * exported for, read from the leaf's fact (so that the leaves of no interest, most audit events,
 * cost no join). Over the (tenant_id, position) key.
 */
const NEXT_LEAVES = `
  SELECT position, sealed_at, kind, fact_id,
         CASE kind
           WHEN 'decision_review' THEN fact::jsonb->>'decisionId'
           WHEN 'lifecycle_transition' THEN CASE WHEN fact::jsonb->>'subjectType' = 'ModelVersion' THEN fact::jsonb->>'subjectId' END
           WHEN 'audit_event' THEN CASE WHEN fact::jsonb->>'action' = 'model_version.registered' THEN fact::jsonb->>'subjectId' END
         END AS subject
    FROM ledger_fact_seals
   WHERE tenant_id = $1 AND position > $2
   ORDER BY position LIMIT $3`;

export async function nextLeaves(m: EntityManager, tenantId: string, after: number, limit: number): Promise<FeedLeaf[]> {
  const rows: { position: string; sealed_at: Date; kind: string; fact_id: string; subject: string | null }[] = await m.query(NEXT_LEAVES, [
    tenantId,
    after,
    limit,
  ]);
  return rows.map((r) => ({ position: Number(r.position), sealedAt: r.sealed_at, exports: exportOf(r.kind, r.fact_id, r.subject) }));
}

function exportOf(kind: string, factId: string, subject: string | null): FeedLeaf['exports'] {
  if (kind === 'decision') return { kind: 'decision', decisionId: factId };
  if (!subject) return null;
  if (kind === 'decision_review') return { kind: 'review', reviewId: factId, decisionId: subject };
  if (kind === 'lifecycle_transition') return { kind: 'model_transition', transitionId: factId, modelVersionId: subject };
  if (kind === 'audit_event') return { kind: 'model_registered', modelVersionId: subject };
  return null;
}

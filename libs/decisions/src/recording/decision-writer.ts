import { AUDIT_COLUMNS, diffSnapshots, prepared, runPrepared, type RequestActor } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import type { DecisionSources } from './decision-sources';
import type { StepRecord } from './explanation-steps';

export type NewDecision = Omit<DecisionEntity, 'recordedAt'>;

/** What is written with one decision: its trace, its audit event, and the webhook event it announces. */
export interface DecisionWrite {
  decision: NewDecision;
  steps: StepRecord[];
  /** What it read: `consumed` edges of the lineage graph. */
  sources: DecisionSources;
  audit: { action: string; after: Record<string, unknown> };
  webhook: { event: string; payload: Record<string, unknown> };
}

export interface InsertedDecisions {
  /** Recording time of each decision inserted; an id missing here had its idempotency key taken (nothing was written for it). */
  recordedAt: Map<string, Date>;
  /** Webhook deliveries written (the outbox), to dispatch once the transaction has committed. */
  deliveryIds: string[];
}

const COLUMNS: [keyof NewDecision, string, string][] = [
  ['id', 'id', 'uuid'],
  ['tenantId', 'tenant_id', 'uuid'],
  ['automationId', 'automation_id', 'uuid'],
  ['automationVersionId', 'automation_version_id', 'uuid'],
  ['modelVersionId', 'model_version_id', 'uuid'],
  ['idempotencyKey', 'idempotency_key', 'text'],
  ['requestHash', 'request_hash', 'text'],
  ['correlationId', 'correlation_id', 'text'],
  ['traceId', 'trace_id', 'text'],
  ['inputHash', 'input_hash', 'text'],
  ['input', 'input', 'jsonb'],
  ['output', 'output', 'jsonb'],
  ['context', 'context', 'jsonb'],
  ['confidence', 'confidence', 'double precision'],
  ['status', 'status', 'text'],
  ['policyPackDigest', 'policy_pack_digest', 'text'],
  ['policyEffect', 'policy_effect', 'text'],
  ['policyResults', 'policy_results', 'jsonb'],
  ['policyFacts', 'policy_facts', 'jsonb'],
  ['redactions', 'redactions', 'jsonb'],
  ['subjectHash', 'subject_hash', 'text'],
  ['occurredAt', 'occurred_at', 'timestamptz'],
  ['recordedBy', 'recorded_by', 'uuid'],
];
const DECISION_COLUMNS = COLUMNS.map(([, column]) => column).join(', ');
/** Per row, beside the decision's columns: what the other tables get. */
const EXTRA_FIELDS =
  'steps jsonb, sources jsonb, external_sources jsonb, audit_action text, audit_after jsonb, audit_changes jsonb, event text, payload jsonb';

/**
 * Decisions, their explanation steps, their lineage sources, their audit events and their webhook deliveries (the outbox,
 * one per subscription to the event) in ONE statement of data-modifying CTEs over a JSON array of
 * rows: one round trip for one decision (the hot path) or a thousand (the bulk path). A row whose
 * idempotency key is taken inserts nothing at all; the caller then compares the stored request.
 */
const INSERT_DECISIONS = prepared(
  'insert_decisions',
  `
  WITH t AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(${COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', ')}, ${EXTRA_FIELDS})
  ), d AS (
    INSERT INTO decisions (${DECISION_COLUMNS}) SELECT ${DECISION_COLUMNS} FROM t
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
    RETURNING id, tenant_id, automation_id, recorded_at
  ), steps AS (
    INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
    SELECT d.tenant_id, d.id, s.n - 1, s.step->>'kind', s.step->'detail'
      FROM d JOIN t USING (id), jsonb_array_elements(t.steps) WITH ORDINALITY AS s(step, n)
  ), external_nodes AS (
    INSERT INTO lineage_nodes (tenant_id, type, id, namespace, name)
    SELECT DISTINCT d.tenant_id, 'external_dataset', (s->>'id')::uuid, s->>'namespace', s->>'name'
      FROM d JOIN t USING (id), jsonb_array_elements(t.external_sources) AS s
    ON CONFLICT DO NOTHING
  ), sources AS (
    INSERT INTO lineage_edges (tenant_id, kind, upstream_type, upstream_id, downstream_type, downstream_id, at)
    SELECT d.tenant_id, 'consumed', 'dataset_version', s.id::uuid, 'decision', d.id, d.recorded_at
      FROM d JOIN t USING (id), jsonb_array_elements_text(t.sources) AS s(id)
    UNION ALL
    SELECT d.tenant_id, 'consumed', 'external_dataset', (s->>'id')::uuid, 'decision', d.id, d.recorded_at
      FROM d JOIN t USING (id), jsonb_array_elements(t.external_sources) AS s
  ), audit AS (
    INSERT INTO audit_events (${AUDIT_COLUMNS})
    SELECT d.tenant_id, $2::uuid, t.audit_action, 'Decision', d.id::text, NULL, t.audit_after, t.audit_changes, $3::text FROM d JOIN t USING (id)
  ), hooks AS (
    INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
    SELECT d.tenant_id, s.id, d.id, t.event, t.payload
      FROM d JOIN t USING (id) JOIN webhook_subscriptions s ON s.automation_id = d.automation_id AND s.active AND t.event = ANY (s.events)
    RETURNING id
  )
  SELECT id, recorded_at, NULL::uuid AS delivery_id FROM d
  UNION ALL SELECT NULL, NULL, id FROM hooks`,
);

export async function insertDecisions(m: EntityManager, actor: RequestActor, writes: readonly DecisionWrite[]): Promise<InsertedDecisions> {
  const inserted: InsertedDecisions = { recordedAt: new Map(), deliveryIds: [] };
  if (writes.length === 0) return inserted;
  const rows = writes.map(({ decision, steps, sources, audit, webhook }) => {
    const row: Record<string, unknown> = {};
    for (const [field, column] of COLUMNS) row[column] = decision[field] ?? null;
    row.steps = steps;
    row.sources = sources.datasetVersionIds;
    row.external_sources = sources.external;
    row.audit_action = audit.action;
    row.audit_after = audit.after;
    row.audit_changes = diffSnapshots(null, audit.after);
    row.event = webhook.event;
    row.payload = webhook.payload;
    return row;
  });
  const result = await runPrepared<{ id: string | null; recorded_at: Date | null; delivery_id: string | null }>(m, INSERT_DECISIONS, [
    JSON.stringify(rows),
    actor.principalId,
    actor.correlationId,
  ]);
  for (const r of result) {
    if (r.id) inserted.recordedAt.set(r.id, r.recorded_at!);
    else inserted.deliveryIds.push(r.delivery_id!);
  }
  return inserted;
}

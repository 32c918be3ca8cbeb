import { AUDIT_COLUMNS, AUDIT_VALUE_TYPES, auditValues, type AuditFact, type RequestActor } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import type { StepRecord } from './explanation-steps';

export type NewDecision = Omit<DecisionEntity, 'recordedAt'>;

const COLUMNS: [keyof NewDecision, string, string?][] = [
  ['id', 'id'], ['tenantId', 'tenant_id'], ['automationId', 'automation_id'], ['automationVersionId', 'automation_version_id'],
  ['modelVersionId', 'model_version_id'], ['idempotencyKey', 'idempotency_key'], ['requestHash', 'request_hash'],
  ['correlationId', 'correlation_id'], ['traceId', 'trace_id'], ['inputHash', 'input_hash'], ['input', 'input', 'jsonb'],
  ['output', 'output', 'jsonb'], ['context', 'context', 'jsonb'], ['confidence', 'confidence'], ['status', 'status'],
  ['policyPackDigest', 'policy_pack_digest'], ['policyEffect', 'policy_effect'], ['policyResults', 'policy_results', 'jsonb'],
  ['policyFacts', 'policy_facts', 'jsonb'], ['redactions', 'redactions', 'jsonb'], ['subjectHash', 'subject_hash'],
  ['occurredAt', 'occurred_at'], ['recordedBy', 'recorded_by'],
];

const STEPS_PARAM = COLUMNS.length + 1;
const AUDIT_FROM = STEPS_PARAM + 1;
const EVENT_PARAM = AUDIT_FROM + AUDIT_VALUE_TYPES.length;
const PAYLOAD_PARAM = EVENT_PARAM + 1;

/**
 * The decision, its explanation steps, its audit event and its webhook deliveries (the outbox, one
 * per subscription to the event) in ONE statement of data-modifying CTEs: a decision is the hot
 * path, and each round trip counts. An existing idempotency key inserts nothing at all; the caller
 * then compares the stored request with this one.
 */
const INSERT_DECISION = `
  WITH d AS (
    INSERT INTO decisions (${COLUMNS.map(([, column]) => column).join(', ')})
    VALUES (${COLUMNS.map(([, , type], i) => `$${i + 1}${type ? `::${type}` : ''}`).join(', ')})
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
    RETURNING id, tenant_id, automation_id, recorded_at
  ), steps AS (
    INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
    SELECT d.tenant_id, d.id, s.n - 1, s.step->>'kind', s.step->'detail'
      FROM d, jsonb_array_elements($${STEPS_PARAM}::jsonb) WITH ORDINALITY AS s(step, n)
  ), audit AS (
    INSERT INTO audit_events (${AUDIT_COLUMNS}) SELECT ${AUDIT_VALUE_TYPES.map((type, i) => `$${AUDIT_FROM + i}::${type}`).join(', ')} FROM d
  ), hooks AS (
    INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
    SELECT d.tenant_id, s.id, d.id, $${EVENT_PARAM}::text, $${PAYLOAD_PARAM}::jsonb
      FROM d JOIN webhook_subscriptions s ON s.automation_id = d.automation_id AND s.active AND $${EVENT_PARAM}::text = ANY (s.events)
    RETURNING id
  )
  SELECT recorded_at, ARRAY(SELECT id FROM hooks) AS delivery_ids FROM d`;

export interface DecisionWebhook {
  event: string;
  payload: Record<string, unknown>;
}

/** Inserts the decision; undefined when its idempotency key was taken (nothing was written). */
export async function insertDecision(
  m: EntityManager,
  actor: RequestActor,
  decision: NewDecision,
  steps: StepRecord[],
  audit: AuditFact,
  webhook: DecisionWebhook,
): Promise<{ recordedAt: Date; deliveryIds: string[] } | undefined> {
  const values = COLUMNS.map(([field, , type]) => (type ? JSON.stringify(decision[field] ?? null) : decision[field]));
  const rows: { recorded_at: Date; delivery_ids: string[] }[] = await m.query(INSERT_DECISION, [
    ...values, JSON.stringify(steps), ...auditValues(actor, audit), webhook.event, JSON.stringify(webhook.payload),
  ]);
  return rows[0] && { recordedAt: rows[0].recorded_at, deliveryIds: rows[0].delivery_ids };
}

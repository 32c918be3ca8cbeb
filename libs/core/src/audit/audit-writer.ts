import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../context/request-actor';
import { diffSnapshots } from './audit-diff';

export interface AuditFact {
  /** `<subject>.<verb>`, e.g. `model.registered`, `model_version.transitioned`. */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Who an event is attributed to: a request's actor, or nobody yet (a failed sign-in: principalId null). */
export type AuditActor = Omit<RequestActor, 'principalId'> & { principalId: string | null };

/** The columns `auditValues` fills, in order, and their types (for statements where PostgreSQL cannot infer them). */
export const AUDIT_COLUMNS = 'tenant_id, actor_id, action, subject_type, subject_id, before, after, changes, correlation_id';
export const AUDIT_VALUE_TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'jsonb', 'jsonb', 'jsonb', 'text'] as const;

/** The values of one audit event, for statements that insert it together with the change (see decisions). */
export function auditValues(actor: AuditActor, fact: AuditFact): unknown[] {
  const before = toJson(fact.before);
  const after = toJson(fact.after);
  return [
    actor.tenantId,
    actor.principalId,
    fact.action,
    fact.subjectType,
    fact.subjectId,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
    JSON.stringify(diffSnapshots(before, after)),
    actor.correlationId,
  ];
}

/**
 * Writes one audit event with the caller's manager, so it commits or rolls back with the change
 * it describes. Snapshots are plain JSON; secrets never go in them.
 */
export async function recordAudit(manager: EntityManager, actor: AuditActor, fact: AuditFact): Promise<void> {
  await manager.query(`INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, auditValues(actor, fact));
}

function toJson(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}

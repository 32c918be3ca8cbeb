import { AUDIT_EVENT_CSV_HEADER, type AuditEventEntity } from '@attest/audit';
import { csvRecord } from '@attest/core';

/**
 * The columns of an audit period pack's audit-events.csv: those of GET /api/v1/audit-events.csv less
 * `sealedAt` (the leaf's index is the proof's; the sealing time is not in the leaf). JSON cells are
 * compact JSON text, empty for null; the verifier reads each row back and compares it with its fact.
 */
export const PACK_AUDIT_CSV_HEADER = AUDIT_EVENT_CSV_HEADER.filter((column) => column !== 'sealedAt');

const jsonCell = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function auditEventsCsv(events: AuditEventEntity[], indexOf: Map<string, number>): Buffer {
  const lines = [csvRecord(PACK_AUDIT_CSV_HEADER)];
  for (const e of events) {
    lines.push(
      csvRecord([
        e.id,
        e.occurredAt,
        e.actorId,
        e.action,
        e.subjectType,
        e.subjectId,
        e.correlationId,
        jsonCell(e.changes),
        jsonCell(e.before),
        jsonCell(e.after),
        indexOf.get(e.id) ?? null,
      ]),
    );
  }
  return Buffer.from(lines.join(''), 'utf8');
}

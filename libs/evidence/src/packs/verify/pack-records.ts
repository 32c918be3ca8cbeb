import { csvText, parseCsv } from '@attest/core';
import { PACK_AUDIT_CSV_HEADER } from '../audit-period/audit-events-csv';
import { PACK_FILES, type LifecycleRecord } from '../pack-layout';
import type { BackedRecord } from './fact-claims';
import type { ReadPack } from './read-pack';

const list = (pack: ReadPack, path: string) => (Array.isArray(pack.json(path)) ? (pack.json(path) as Record<string, unknown>[]) : []);

const of = (label: string, kind: string) => (record: Record<string, unknown>) => ({
  label: `${label} ${String(record.id)}`,
  kind,
  id: String(record.id),
  record,
});

/** A model version pack's records: the registration, every move and approval, the dataset versions and the audit events. */
export function modelVersionPackRecords(pack: ReadPack): BackedRecord[] {
  const version = pack.json(PACK_FILES.modelVersion) as Record<string, unknown>;
  const lifecycle = (pack.json(PACK_FILES.lifecycle) ?? {}) as Partial<LifecycleRecord>;
  return [
    { label: PACK_FILES.modelVersion, kind: 'model_version', id: String(version?.id), record: version ?? {} },
    ...(lifecycle.transitions ?? []).map((t) =>
      of('lifecycle transition', 'lifecycle_transition')(t as unknown as Record<string, unknown>),
    ),
    ...(lifecycle.approvals ?? []).map((a) => of('lifecycle approval', 'lifecycle_approval')(a as unknown as Record<string, unknown>)),
    ...list(pack, PACK_FILES.datasetVersions).map(of('dataset version', 'dataset_version')),
    ...list(pack, PACK_FILES.auditEvents).map(of('audit event', 'audit_event')),
  ];
}

/** One row of audit-events.csv read back: the event as its fact names the fields, and the leaf index it claims. */
export interface CsvAuditRow {
  line: number;
  record: Record<string, unknown>;
  ledgerIndex: number | null;
}

/** audit-events.csv read back, or why it cannot be: a cell as written, JSON cells parsed (an unparsable one kept as text, to fail its comparison). */
export function readAuditCsv(pack: ReadPack): { rows: CsvAuditRow[]; problem?: string } {
  const bytes = pack.files.get(PACK_FILES.auditEventsCsv);
  if (!bytes) return { rows: [], problem: `the pack has no ${PACK_FILES.auditEventsCsv}` };
  let table: string[][];
  try {
    table = parseCsv(bytes.toString('utf8'));
  } catch (error) {
    return { rows: [], problem: `${PACK_FILES.auditEventsCsv} is not CSV: ${(error as Error).message}` };
  }
  const [header, ...rows] = table;
  if (header?.join() !== PACK_AUDIT_CSV_HEADER.join()) {
    return { rows: [], problem: `${PACK_FILES.auditEventsCsv} does not have the columns ${PACK_AUDIT_CSV_HEADER.join(', ')}` };
  }
  const text = (cell: string | undefined) => (cell === undefined || cell === '' ? null : csvText(cell));
  const json = (cell: string | undefined) => {
    const value = text(cell);
    if (value === null) return null;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  };
  return {
    rows: rows.map((cells, i) => {
      const at = (column: (typeof PACK_AUDIT_CSV_HEADER)[number]) => cells[PACK_AUDIT_CSV_HEADER.indexOf(column)];
      const index = text(at('ledgerIndex'));
      return {
        line: i + 2,
        ledgerIndex: index === null || !/^\d+$/.test(index) ? null : Number(index),
        record: {
          id: text(at('id')),
          occurredAt: text(at('occurredAt')),
          actorId: text(at('actorId')),
          action: text(at('action')),
          subjectType: text(at('subjectType')),
          subjectId: text(at('subjectId')),
          correlationId: text(at('correlationId')),
          changes: json(at('changes')),
          before: json(at('before')),
          after: json(at('after')),
        },
      };
    }),
  };
}

/** An audit period pack's records: each row of audit-events.csv, backed by its audit event's fact. */
export function auditPeriodPackRecords(pack: ReadPack): BackedRecord[] {
  return readAuditCsv(pack).rows.map((row) => ({
    label: `audit-events.csv line ${row.line} (${String(row.record.id)})`,
    kind: 'audit_event',
    id: String(row.record.id),
    record: row.record,
  }));
}

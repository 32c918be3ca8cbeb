import { isoTimeParam, textParam } from '../../components/search-params';

/** The audit trail's filters, as AuditEventFilter names them: in the URL, so a filtered trail is a link. */
export interface AuditSearch {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  correlationId?: string;
  from?: string;
  to?: string;
}

export const auditSearch = (search: Record<string, unknown>): AuditSearch => ({
  actorId: textParam(search.actorId, 64),
  action: textParam(search.action, 200),
  subjectType: textParam(search.subjectType, 100),
  subjectId: textParam(search.subjectId, 200),
  correlationId: textParam(search.correlationId, 200),
  from: isoTimeParam(search.from),
  to: isoTimeParam(search.to),
});

/** GET /api/v1/audit-events.csv with the same filters (docs/api.md §15): a same-origin download the session cookie authenticates. */
export function auditCsvHref(filter: AuditSearch): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value !== undefined) query.set(name, value);
  const text = query.toString();
  return `/api/v1/audit-events.csv${text ? `?${text}` : ''}`;
}

/** Subject types Attest writes (docs/api.md §7, "Audit actions"): suggestions, as newer ones may appear. */
export const SUBJECT_TYPES = [
  'Automation',
  'AutomationVersion',
  'ApiKey',
  'Dataset',
  'DatasetVersion',
  'Decision',
  'Export',
  'IngestJob',
  'LedgerCheckpoint',
  'LedgerVerification',
  'LineageRun',
  'Model',
  'ModelVersion',
  'PolicyPack',
  'PolicySimulation',
  'Principal',
  'RoleBinding',
  'Tenant',
  'WebhookSubscription',
];

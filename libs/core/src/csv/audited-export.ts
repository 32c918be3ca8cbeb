import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { recordAudit } from '../audit/audit-writer';
import type { RequestActor } from '../context/request-actor';
import type { TenantDb } from '../database/tenant-db.service';
import { streamCsv, type CsvDownload, type CsvOutcome } from './csv-response';

export interface ExportRequest {
  /** What is exported, e.g. `decisions`, `audit_events`. */
  of: string;
  /** The filters as the caller gave them (validated): recorded with the export. */
  filters: object;
}

const logger = new Logger('CsvExport');

/**
 * A CSV export on the audit trail, as two events of one `Export` subject: `export.started` (what,
 * with which filters) commits in its own transaction BEFORE the first row leaves, so no data is
 * ever sent unaudited (if that write fails, the request fails with nothing sent); then
 * `export.finished` with the row count and whether the client received the whole file. A crash
 * between the two leaves a started export without its end: visible, never hidden.
 */
export async function auditedCsvExport(
  db: TenantDb,
  actor: RequestActor,
  res: Response,
  request: ExportRequest,
  download: CsvDownload,
): Promise<CsvOutcome> {
  const exportId = randomUUID();
  const subject = { subjectType: 'Export', subjectId: exportId };
  const filters = JSON.parse(JSON.stringify(request.filters)) as Record<string, unknown>;
  await db.transaction(actor.tenantId, (m) =>
    recordAudit(m, actor, { action: 'export.started', ...subject, after: { of: request.of, format: 'csv', filters } }),
  );
  let outcome: CsvOutcome = { rowCount: 0, complete: false };
  try {
    outcome = await streamCsv(res, download);
  } catch (error) {
    // Headers (and rows) are out: a JSON error cannot follow. Cut the connection so the client sees
    // a failed download, not a file that looks complete.
    logger.error(`Export ${exportId} of ${request.of} failed after it started: ${(error as Error).message}`);
    if (!res.headersSent) throw error;
    res.destroy();
  }
  await db.transaction(actor.tenantId, (m) =>
    recordAudit(m, actor, {
      action: 'export.finished',
      ...subject,
      before: { of: request.of, format: 'csv', filters },
      after: { of: request.of, format: 'csv', filters, rowCount: outcome.rowCount, complete: outcome.complete },
    }),
  );
  return outcome;
}

import { Controller, Get, Injectable, Query, Res } from '@nestjs/common';
import { auditedCsvExport, byKeys, keysetBatches, TenantDb, type CsvOutcome, type CsvValue } from '@attest/core';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerSeals } from '@attest/ledger';
import type { Response } from 'express';
import { AuditService } from '../audit.service';
import { AuditEventFilter } from '../dto/audit-events.args';

/** Rows read per keyset page. */
const BATCH = 500;

/** The columns of GET /api/v1/audit-events.csv, named as the AuditEvent type's fields; JSON cells as compact text. */
export const AUDIT_EVENT_CSV_HEADER = [
  'id',
  'occurredAt',
  'actorId',
  'action',
  'subjectType',
  'subjectId',
  'correlationId',
  'changes',
  'before',
  'after',
  'ledgerIndex',
  'sealedAt',
] as const;

/** The audit trail as CSV: the rows of `auditEvents` with the same filter, read through the same service. */
@Injectable()
export class AuditEventsExport {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly seals: LedgerSeals,
  ) {}

  toCsv(actor: AuthenticatedPrincipal, filter: AuditEventFilter, res: Response): Promise<CsvOutcome> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return auditedCsvExport(
      this.db,
      actor,
      res,
      { of: 'audit_events', filters: filter },
      { filename: `audit-events-${stamp}.csv`, header: AUDIT_EVENT_CSV_HEADER, rows: this.rows(actor, filter) },
    );
  }

  private async *rows(actor: AuthenticatedPrincipal, filter: AuditEventFilter): AsyncGenerator<CsvValue[][]> {
    for await (const batch of keysetBatches((after) => this.audit.list(actor, { first: BATCH, after, filter }))) {
      const ids = batch.map((e) => e.id);
      const sealOf = byKeys(ids, await this.seals.sealsOf(actor.tenantId, 'audit_event', ids), (s) => s.factId);
      yield batch.map((e, i) => [
        e.id,
        e.occurredAt,
        e.actorId,
        e.action,
        e.subjectType,
        e.subjectId,
        e.correlationId,
        JSON.stringify(e.changes),
        e.before && JSON.stringify(e.before),
        e.after && JSON.stringify(e.after),
        sealOf[i]?.index ?? null,
        sealOf[i]?.sealedAt ?? null,
      ]);
    }
  }
}

/** GET /api/v1/audit-events.csv (docs/api.md, "CSV exports"): the query string takes AuditEventFilter's fields. */
@Controller()
export class AuditEventsExportController {
  constructor(private readonly exports: AuditEventsExport) {}

  @Get('api/v1/audit-events.csv')
  @Can('read', 'AuditEvent')
  @RateLimited('exports')
  async download(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Query() filter: AuditEventFilter,
    @Res() res: Response,
  ): Promise<void> {
    await this.exports.toCsv(actor, filter, res);
  }
}

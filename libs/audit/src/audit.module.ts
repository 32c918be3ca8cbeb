import { Module } from '@nestjs/common';
import { LedgerModule } from '@attest/ledger';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditEventsExport, AuditEventsExportController } from './export/audit-events-export';
import { AuditEventSealResolver } from './ledger-seal/audit-event-seal.resolver';

/** The GraphQL resolvers, also read by `attest schema` to print the schema without a database. */
export const AUDIT_RESOLVERS = [AuditResolver, AuditEventSealResolver];

@Module({
  imports: [LedgerModule],
  providers: [AuditService, AuditEventsExport, ...AUDIT_RESOLVERS],
  controllers: [AuditEventsExportController],
  exports: [AuditService],
})
export class AuditModule {}

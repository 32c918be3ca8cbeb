import { Module } from '@nestjs/common';
import { LedgerModule } from '@attest/ledger';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditEventSealResolver } from './ledger-seal/audit-event-seal.resolver';

/** The GraphQL resolvers, also read by `attest schema` to print the schema without a database. */
export const AUDIT_RESOLVERS = [AuditResolver, AuditEventSealResolver];

@Module({ imports: [LedgerModule], providers: [AuditService, ...AUDIT_RESOLVERS], exports: [AuditService] })
export class AuditModule {}

import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The GraphQL resolvers, also read by `attest schema` to print the schema without a database. */
export const AUDIT_RESOLVERS = [AuditResolver];

@Module({ providers: [AuditService, ...AUDIT_RESOLVERS], exports: [AuditService] })
export class AuditModule {}

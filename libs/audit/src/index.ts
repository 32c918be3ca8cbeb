import { AuditEventEntity } from './entities/audit-event.entity';

export * from './audit.module';
export * from './audit.service';
export { AuditEventEntity };
export const AUDIT_ENTITIES = [AuditEventEntity];
export { AuditEventModel } from './models/audit-event.model';
export { AUDIT_EVENT_CSV_HEADER } from './export/audit-events-export';

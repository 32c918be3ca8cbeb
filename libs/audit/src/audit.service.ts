import { Injectable } from '@nestjs/common';
import { paginate, TenantDb, type Connection } from '@attest/core';
import { accessibleWhere, type AuthenticatedPrincipal } from '@attest/identity';
import type { AuditEventsArgs } from './dto/audit-events.args';
import { AuditEventEntity } from './entities/audit-event.entity';
import type { AuditEventModel } from './models/audit-event.model';

/** Audit-event fields a read rule may test. */
const AUDIT_COLUMNS = { tenantId: 'tenant_id', actorId: 'actor_id' };

@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  /** Every readable event about the given subjects, oldest first: for DataLoaders of other contexts. */
  eventsForSubjects(actor: AuthenticatedPrincipal, subjectIds: readonly string[]): Promise<AuditEventEntity[]> {
    return this.db.transaction(actor.tenantId, (m) => {
      const acl = accessibleWhere(actor.ability, 'read', 'AuditEvent', 'e', AUDIT_COLUMNS);
      return m
        .createQueryBuilder(AuditEventEntity, 'e')
        .where(acl.sql, acl.params)
        .andWhere('e.subject_id IN (:...subjectIds)', { subjectIds: [...subjectIds] })
        .orderBy('e.occurred_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany();
    });
  }

  /**
   * The readable events of [from, to), oldest first, about the given subjects when given (else all
   * the tenant's), at most `limit` of them: for an evidence pack, which asks for one more than it
   * accepts to tell a full period from a cut one.
   */
  eventsInPeriod(
    actor: AuthenticatedPrincipal,
    period: { from: Date; to: Date; subjectIds?: readonly string[] },
    limit: number,
  ): Promise<AuditEventEntity[]> {
    return this.db.transaction(actor.tenantId, (m) => {
      const acl = accessibleWhere(actor.ability, 'read', 'AuditEvent', 'e', AUDIT_COLUMNS);
      const query = m
        .createQueryBuilder(AuditEventEntity, 'e')
        .where(acl.sql, acl.params)
        .andWhere('e.occurred_at >= :from AND e.occurred_at < :to', { from: period.from, to: period.to });
      if (period.subjectIds) query.andWhere('e.subject_id = ANY (CAST(:subjectIds AS text[]))', { subjectIds: [...period.subjectIds] });
      return query.orderBy('e.occurred_at', 'ASC').addOrderBy('e.id', 'ASC').limit(limit).getMany();
    });
  }

  list(actor: AuthenticatedPrincipal, args: AuditEventsArgs): Promise<Connection<AuditEventModel>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const acl = accessibleWhere(actor.ability, 'read', 'AuditEvent', 'e', AUDIT_COLUMNS);
      const query = m.createQueryBuilder(AuditEventEntity, 'e').where(acl.sql, acl.params);
      const f = args.filter ?? {};
      if (f.action?.endsWith('.')) query.andWhere('starts_with(e.action, :action)', { action: f.action });
      else if (f.action) query.andWhere('e.action = :action', { action: f.action });
      if (f.subjectType) query.andWhere('e.subject_type = :subjectType', { subjectType: f.subjectType });
      if (f.subjectId) query.andWhere('e.subject_id = :subjectId', { subjectId: f.subjectId });
      if (f.actorId) query.andWhere('e.actor_id = :actorId', { actorId: f.actorId });
      if (f.correlationId) query.andWhere('e.correlation_id = :correlationId', { correlationId: f.correlationId });
      if (f.from) query.andWhere('e.occurred_at >= :from', { from: f.from });
      if (f.to) query.andWhere('e.occurred_at < :to', { to: f.to });
      return paginate(query, args, (e) => e, { column: 'occurred_at', of: (e) => e.occurredAt });
    });
  }
}

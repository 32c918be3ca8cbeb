import { accessibleWhere, type AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';

/** Decision fields a read rule may test; the automation's owner lives on the automation row. */
const DECISION_COLUMNS = {
  tenantId: 'tenant_id',
  automationId: 'automation_id',
  automationOwnerId: (alias: string) => `(SELECT a.owner_id FROM registry_automation_refs a WHERE a.id = ${alias}.automation_id)`,
};

/** The decisions the actor may read, as a query to narrow further (filtered in SQL, never after loading). */
export function readableDecisions(m: EntityManager, actor: AuthenticatedPrincipal, alias = 'd'): SelectQueryBuilder<DecisionEntity> {
  const acl = accessibleWhere(actor.ability, 'read', 'Decision', alias, DECISION_COLUMNS);
  return m.createQueryBuilder(DecisionEntity, alias).where(acl.sql, acl.params);
}

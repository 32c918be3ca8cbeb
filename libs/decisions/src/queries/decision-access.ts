import { accessibleWhere, type AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';

/** The owner of a decision's automation, which lives on the automation row (a reviewer must not be it). */
export const OWNER_OF_AUTOMATION = (alias: string) =>
  `(SELECT a.owner_id FROM registry_automation_refs a WHERE a.id = ${alias}.automation_id)`;

/** Decision fields a read rule may test: an owner's decisions are those of the automations they own (decisions_automation serves it). */
const DECISION_COLUMNS = {
  tenantId: 'tenant_id',
  automationId: 'automation_id',
  automationOwnerId: {
    key: 'automation_id',
    keysWhere: (predicate: (column: string) => string) => `SELECT a.id FROM registry_automation_refs a WHERE ${predicate('a.owner_id')}`,
  },
};

/** The decisions the actor may read, as a query to narrow further (filtered in SQL, never after loading). */
export function readableDecisions(m: EntityManager, actor: AuthenticatedPrincipal, alias = 'd'): SelectQueryBuilder<DecisionEntity> {
  const acl = accessibleWhere(actor.ability, 'read', 'Decision', alias, DECISION_COLUMNS);
  return m.createQueryBuilder(DecisionEntity, alias).where(acl.sql, acl.params);
}

/** The decisions the actor may read and also `action` (contest, explain): both rules, in SQL. */
export function decisionsActorMay(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  action: 'contest' | 'explain',
  alias = 'd',
): SelectQueryBuilder<DecisionEntity> {
  const acl = accessibleWhere(actor.ability, action, 'Decision', alias, DECISION_COLUMNS);
  // Both conditions name their parameters acl_Decision_<n>: this one's are renamed so neither overwrites the other.
  const rename = (name: string) => name.replace(/^acl_Decision_/, `acl_Decision_${action}_`);
  const sql = acl.sql.replace(/(:(?:\.\.\.)?)(acl_Decision_\d+)/g, (_, colon: string, name: string) => `${colon}${rename(name)}`);
  const params = Object.fromEntries(Object.entries(acl.params).map(([name, value]) => [rename(name), value]));
  return readableDecisions(m, actor, alias).andWhere(sql, params);
}

/** What a principal's read rule on decisions comes to, as a key: principals with equal keys read the same decisions. */
export function decisionReadScope(actor: AuthenticatedPrincipal): string {
  const acl = accessibleWhere(actor.ability, 'read', 'Decision', 'd', DECISION_COLUMNS);
  return `${actor.tenantId}|${acl.sql}|${JSON.stringify(acl.params)}`;
}

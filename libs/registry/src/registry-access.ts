import { AttestError, type TenantDb } from '@attest/core';
import { accessibleWhere, type AuthenticatedPrincipal, type SubjectType } from '@attest/identity';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** How a registry table maps onto its CASL subject, so that reads are filtered in SQL. */
export interface ReadableTable<E extends ObjectLiteral> {
  subjectType: SubjectType;
  entity: EntityTarget<E>;
  alias: string;
  /** Subject field → column, for every field a read rule may put a condition on. */
  columns: Record<string, string>;
}

/** The rows of `table` the actor may read, as a query to narrow further. */
export function readable<E extends ObjectLiteral>(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  table: ReadableTable<E>,
): SelectQueryBuilder<E> {
  const acl = accessibleWhere(actor.ability, 'read', table.subjectType, table.alias, table.columns);
  return m.createQueryBuilder(table.entity, table.alias).where(acl.sql, acl.params);
}

/** One readable row by id (or another unique column); NOT_FOUND also when it exists but is not readable. */
export async function findReadable<E extends ObjectLiteral>(
  db: TenantDb,
  actor: AuthenticatedPrincipal,
  table: ReadableTable<E>,
  value: string,
  column: 'id' | 'key' = 'id',
): Promise<E> {
  const row = await db.transaction(actor.tenantId, (m) =>
    readable(m, actor, table).andWhere(`${table.alias}.${column} = :value`, { value }).getOne(),
  );
  if (!row) throw AttestError.notFound(table.subjectType, value);
  return row;
}

/** The readable rows whose `column` is one of `keys`, newest first, in the caller's transaction. */
export function readableIn<E extends ObjectLiteral>(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  table: ReadableTable<E>,
  keys: readonly string[],
  column = 'id',
): Promise<E[]> {
  const { alias } = table;
  return readable(m, actor, table)
    .andWhere(`${alias}.${column} IN (:...keys)`, { keys: [...keys] })
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .getMany();
}

/** The same in a transaction of its own: the batch function of a DataLoader. */
export function loadReadable<E extends ObjectLiteral>(
  db: TenantDb,
  actor: AuthenticatedPrincipal,
  ...query: [ReadableTable<E>, readonly string[], string?]
): Promise<E[]> {
  return db.transaction(actor.tenantId, (m) => readableIn(m, actor, ...query));
}

import { AttestError } from '@attest/core';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** A clear VALIDATION_FAILED naming the field, rather than a foreign-key error. */
export async function assertPrincipalExists(m: EntityManager, principalId: string, field: string): Promise<void> {
  const [row] = await m.query('SELECT 1 FROM identity_principals WHERE id = $1', [principalId]);
  if (!row) throw AttestError.validation(`${field}: no principal ${principalId} in this tenant`, { field });
}

/** Every id must exist in `table` (within the tenant, thanks to RLS); names the missing ones. */
export async function assertAllExist(m: EntityManager, table: string, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows: { id: string }[] = await m.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  const found = new Set(rows.map((r) => r.id));
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length > 0) throw AttestError.validation(`${field}: not found in this tenant: ${missing.join(', ')}`, { field, missing });
}

/** The row with this id (within the tenant), or NOT_FOUND naming its subject type. */
export async function findOrNotFound<E extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<E>,
  subjectType: string,
  id: string,
): Promise<E> {
  const row = await m.findOneBy(entity, { id } as unknown as FindOptionsWhere<E>);
  if (!row) throw AttestError.notFound(subjectType, id);
  return row;
}

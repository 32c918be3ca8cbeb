import { AttestError, containsPattern, paginate, paginateSorted, recordAudit, type Connection, type TenantDb } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import type { DeepPartial, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { auditSnapshot } from './audit-snapshot';
import type { RegistryEntryFilter, RegistryEntryInput } from './dto/registry-entry.input';
import { sortKeyOf, type RegistryPageArgs } from './dto/registry-order.input';
import { assertPrincipalExists } from './registry-checks';

interface Entry {
  id: string;
  tenantId: string;
  ownerId: string;
}

/** The fields every registry entry takes from its input; the owner defaults to the caller. */
export function entryFields(actor: AuthenticatedPrincipal, input: RegistryEntryInput) {
  return { name: input.name, description: input.description ?? null, ownerId: input.ownerId ?? actor.principalId };
}

/**
 * Registers a model, dataset or automation in one transaction: `create` checked on the row,
 * the owner must exist, and the audit event commits with it. Duplicates fail on the unique index.
 */
export function registerEntry<E extends Entry>(
  db: TenantDb,
  actor: AuthenticatedPrincipal,
  subjectType: 'Model' | 'Dataset' | 'Automation',
  entity: new () => E,
  fields: DeepPartial<NoInfer<E>>,
  action: `${string}.registered`,
): Promise<E> {
  return db.transaction(actor.tenantId, async (m) => {
    const entry = m.create(entity, { ...fields, tenantId: actor.tenantId } as DeepPartial<E>);
    if (!actor.ability.can('create', subjectOf(subjectType, entry))) throw AttestError.forbidden();
    await assertPrincipalExists(m, entry.ownerId, 'ownerId');
    const saved = await m.save(entry);
    await recordAudit(m, actor, { action, subjectType, subjectId: saved.id, after: auditSnapshot(saved) });
    return saved;
  });
}

/** The owner and search filters every registry list shares; `search` matches any of `columns`. */
export function whereEntryMatches<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  filter: RegistryEntryFilter,
  columns: string[] = ['name'],
): SelectQueryBuilder<E> {
  const { alias } = query;
  if (filter.ownerId) query.andWhere(`${alias}.owner_id = :ownerId`, { ownerId: filter.ownerId });
  if (filter.search) {
    query.andWhere(`(${columns.map((c) => `${alias}.${c} ILIKE :search`).join(' OR ')})`, { search: containsPattern(filter.search) });
  }
  return query;
}

/** A page of a registry list: newest first, or in the order the caller chose. */
export function pageOfEntries<E extends ObjectLiteral & { id: string; name: string; createdAt: Date }>(
  query: SelectQueryBuilder<E>,
  args: RegistryPageArgs,
): Promise<Connection<E>> {
  return args.orderBy ? paginateSorted(query, args, (row) => row, sortKeyOf<E>(args.orderBy)) : paginate(query, args, (row) => row);
}

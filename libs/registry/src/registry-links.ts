import { groupByKeys } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { readableIn, type ReadableTable } from './registry-access';

/** A row reached through a link table, with the key it was reached from. */
export interface Linked<E> {
  key: string;
  row: E;
}

/** A many-to-many link table, read from one side. */
export interface LinkTable {
  table: string;
  /** The column holding the keys we come from, and the one pointing at the rows we want. */
  from: string;
  to: string;
  /** Extra equality conditions, e.g. `{ purpose: 'training' }`. */
  where?: Record<string, string>;
}

/**
 * The readable rows of `target` linked to each of `keys`, as (key, row) pairs, newest rows first.
 * A pair linked twice (trained and evaluated on the same data) comes once.
 */
export async function linkedRows<E extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  actor: AuthenticatedPrincipal,
  link: LinkTable,
  keys: readonly string[],
  target: ReadableTable<E>,
): Promise<Linked<E>[]> {
  const extra = Object.keys(link.where ?? {});
  const conditions = [`${link.from} = ANY($1::uuid[])`, ...extra.map((column, i) => `${column} = $${i + 2}`)];
  const links: { key: string; id: string }[] = await m.query(
    `SELECT DISTINCT ${link.from} AS key, ${link.to} AS id FROM ${link.table} WHERE ${conditions.join(' AND ')}`,
    [[...keys], ...extra.map((column) => link.where![column])],
  );
  if (links.length === 0) return [];
  const rows = await readableIn(m, actor, target, [...new Set(links.map((l) => l.id))]);
  const keysOf = new Map<string, string[]>();
  for (const l of links) keysOf.set(l.id, [...(keysOf.get(l.id) ?? []), l.key]);
  return rows.flatMap((row) => (keysOf.get(row.id) ?? []).map((key) => ({ key, row })));
}

/** DataLoader order for linked rows: one list per key. */
export function groupLinked<E>(keys: readonly string[], pairs: Linked<E>[]): E[][] {
  return groupByKeys(keys, pairs, (p) => p.key).map((group) => group.map((p) => p.row));
}

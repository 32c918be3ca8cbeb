import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AttestError } from '../errors/attest-error';
import { pageInfoOf, type Connection, type PageArgs } from './connection';

/** A sort a caller chose for a list (a name, a time), with the row's id breaking ties. */
export interface SortKey<E> {
  /** Stable name, kept in the cursor: a cursor of another sort is refused. */
  name: string;
  /** The SQL expression sorted on, for the query's alias; the cursor carries its value as PostgreSQL computed it. */
  sql: (alias: string) => string;
  direction: 'ASC' | 'DESC';
  /** Ties the key to its row type. */
  readonly rowType?: E;
}

/**
 * Keyset pagination on a chosen sort key and id (the caller's "sort by name"), as `paginate` does on
 * time: stable under inserts, no OFFSET. The cursor carries the sort's name, its direction and the
 * last row's value; one made for another sort is VALIDATION_FAILED rather than a silently wrong page.
 */
export async function paginateSorted<E extends ObjectLiteral & { id: string }, N>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  toNode: (row: E) => N,
  sort: SortKey<E>,
): Promise<Connection<N>> {
  const alias = query.alias;
  const expression = sort.sql(alias);
  if (page.after) {
    const position = decodeSortedCursor(page.after, sort);
    query.andWhere(`(${expression}, ${alias}.id) ${sort.direction === 'DESC' ? '<' : '>'} (:afterValue, :afterId)`, {
      afterValue: position.value,
      afterId: position.id,
    });
  }
  // The sort value is read back from SQL, not recomputed in JavaScript (lower() and collations differ).
  const { entities, raw } = await query
    .addSelect(expression, SORT_VALUE)
    .orderBy(expression, sort.direction)
    .addOrderBy(`${alias}.id`, sort.direction)
    .limit(page.first + 1)
    .getRawAndEntities<Record<string, unknown>>();
  const valueOf = new Map(raw.map((r) => [String(r[`${alias}_id`]), r[SORT_VALUE] as string | Date]));
  const edges = entities.slice(0, page.first).map((row) => ({
    cursor: encodeSortedCursor(sort, valueOf.get(row.id)!, row.id),
    node: toNode(row),
  }));
  return { edges, pageInfo: pageInfoOf(edges, entities.length > page.first) };
}

const SORT_VALUE = 'attest_sort_value';

function encodeSortedCursor<E>(sort: SortKey<E>, value: string | Date, id: string): string {
  const text = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([`${sort.name}:${sort.direction}`, text, id])).toString('base64url');
}

function decodeSortedCursor<E>(cursor: string, sort: SortKey<E>): { value: string; id: string } {
  try {
    const [key, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (key === `${sort.name}:${sort.direction}` && typeof value === 'string' && typeof id === 'string' && UUID.test(id))
      return { value, id };
  } catch {
    // falls through to the refusal
  }
  throw AttestError.validation('The cursor is not valid for this sort order', { field: 'after' });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { pageInfoOf, type Connection, type PageArgs } from './connection';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * Keyset pagination on (time, id), newest first (or oldest first, for queues): stable under
 * concurrent inserts and index-backed (every listed table has an index on these columns). Times
 * are stored with millisecond precision (timestamptz(3)) so that a cursor carries them exactly.
 */
export async function paginate<E extends ObjectLiteral & { id: string }, N>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  toNode: (entity: E) => N,
  time: { column: string; of: (entity: E) => Date } = { column: 'created_at', of: (e) => e.createdAt as Date },
  order: 'newest' | 'oldest' = 'newest',
): Promise<Connection<N>> {
  const alias = query.alias;
  const direction = order === 'newest' ? 'DESC' : 'ASC';
  if (page.after) {
    const position = decodeCursor(page.after);
    query.andWhere(`(${alias}.${time.column}, ${alias}.id) ${order === 'newest' ? '<' : '>'} (:afterTime, :afterId)`, {
      afterTime: position.createdAt,
      afterId: position.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.${time.column}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(page.first + 1)
    .getMany();
  const pageRows = rows.slice(0, page.first);
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor({ createdAt: time.of(row), id: row.id }),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, rows.length > page.first),
  };
}

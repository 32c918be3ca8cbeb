import type { Connection } from './connection';

/**
 * Every row of a cursor-paged list, a page at a time (for exports): each page is its own short
 * read (its own transaction, no connection held while the client reads), and the keyset cursor
 * keeps the order stable: rows written meanwhile are newer than the first page and never shift it.
 */
export async function* keysetBatches<T>(page: (after: string | undefined) => Promise<Connection<T>>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const { edges, pageInfo } = await page(after);
    if (edges.length > 0) yield edges.map((e) => e.node);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
    after = pageInfo.endCursor;
  }
}

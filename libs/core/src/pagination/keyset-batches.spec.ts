import type { Connection } from './connection';
import { keysetBatches } from './keyset-batches';

/** A list of `total` numbers served `size` at a time, recording the cursors it was asked with. */
function pages(total: number, size: number, asked: (string | undefined)[]) {
  return async (after: string | undefined): Promise<Connection<number>> => {
    asked.push(after);
    const start = after === undefined ? 0 : Number(after) + 1;
    const nodes = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const edges = nodes.map((n) => ({ cursor: String(n), node: n }));
    const hasNextPage = start + size < total;
    return {
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  };
}

describe('keysetBatches', () => {
  it('yields every page in order, each asked for with the previous end cursor', async () => {
    const asked: (string | undefined)[] = [];
    const batches: number[][] = [];
    for await (const batch of keysetBatches(pages(7, 3, asked))) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(asked).toEqual([undefined, '2', '5']);
  });

  it('yields nothing for an empty list, after one read', async () => {
    const asked: (string | undefined)[] = [];
    const batches: number[][] = [];
    for await (const batch of keysetBatches(pages(0, 3, asked))) batches.push(batch);
    expect(batches).toEqual([]);
    expect(asked).toEqual([undefined]);
  });

  it('reads no further page once the consumer stops', async () => {
    const asked: (string | undefined)[] = [];
    for await (const batch of keysetBatches(pages(100, 10, asked))) if (batch[0] === 10) break;
    expect(asked).toEqual([undefined, '9']);
  });
});

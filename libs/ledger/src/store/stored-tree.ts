import type { EntityManager } from 'typeorm';
import { nodesRead, PerfectSubtreeReader, type NodeKey } from '../merkle/perfect-subtrees';
import type { TreeReader } from '../merkle/proofs';

const key = (level: number, index: number) => `${level}:${index}`;

/** The stored perfect-subtree heads named, in one query: a map of `level:index` to hash. */
export async function readNodes(m: EntityManager, keys: readonly NodeKey[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (keys.length === 0) return found;
  const rows: { level: number; index: string; hash: Buffer }[] = await m.query(
    `SELECT n.level, n.index, n.hash FROM ledger_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS k(level, index) ON n.level = k.level AND n.index = k.index`,
    [keys.map((k) => k.level), keys.map((k) => k.index)],
  );
  for (const r of rows) found.set(key(r.level, Number(r.index)), r.hash);
  return found;
}

/** Looks nodes up in a map; a missing one means the store lost it (reported, never guessed). */
export function nodeLookup(nodes: ReadonlyMap<string, Buffer>): (level: number, index: number) => Buffer {
  return (level, index) => {
    const hash = nodes.get(key(level, index));
    if (!hash) throw new MissingNodeError(level, index);
    return hash;
  };
}

export class MissingNodeError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`the ledger's node ${level}:${index} is missing`);
  }
}

/**
 * Runs a computation over the stored tree of `size` leaves (a proof, a head) reading only the
 * nodes it needs, fetched in one query: it is first run on placeholders to name them.
 */
export async function overStoredTree<T>(m: EntityManager, size: number, run: (reader: TreeReader) => T): Promise<T> {
  const nodes = await readNodes(m, nodesRead(size, run));
  return run(new PerfectSubtreeReader(size, nodeLookup(nodes)));
}

export { key as nodeKey };

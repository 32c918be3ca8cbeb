import { AttestError } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { SignedHead } from './signed-heads';

export interface LeafRange {
  fromIndex: number;
  toIndex: number;
}

/**
 * The range a verification covers: `toIndex` defaults to the last leaf of the largest checkpoint,
 * stored or held (a held one beyond the stored log must fail, at the first leaf cut). Null when the
 * log has no checkpoint and no end was asked for: nothing to verify.
 */
export async function resolveRange(
  m: EntityManager,
  held: readonly SignedHead[],
  fromIndex: number,
  toIndex: number | undefined,
): Promise<LeafRange | null> {
  const [{ size }] = await m.query('SELECT coalesce(max(tree_size), 0)::bigint AS size FROM ledger_checkpoints');
  const treeSize = Math.max(Number(size), ...held.map((h) => h.size));
  if (treeSize === 0 && toIndex === undefined) return null;
  const to = toIndex ?? treeSize - 1;
  if (to >= treeSize)
    throw AttestError.validation(`toIndex ${to} is beyond the last checkpoint (${treeSize} leaves)`, { field: 'toIndex' });
  if (fromIndex > to) throw AttestError.validation('fromIndex must not be after toIndex', { field: 'fromIndex' });
  return { fromIndex, toIndex: to };
}

export const leavesIn = (range: LeafRange) => range.toIndex - range.fromIndex + 1;

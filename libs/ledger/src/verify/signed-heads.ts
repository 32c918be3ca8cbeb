import { AttestError } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { openCheckpoint, type CheckpointTrust } from '../checkpoint/open-checkpoint';

/** A head the recomputed tree must match at a size: a stored checkpoint, or one the auditor kept. */
export interface SignedHead {
  size: number;
  root: Buffer;
  source: string;
  /** Set when the stored checkpoint itself is not a valid one of this log (reported at its size). */
  problem?: string;
}

/** The checkpoints an auditor passes in, each opened with the log's key: one that is not of this log is VALIDATION_FAILED. */
export function heldHeads(notes: readonly string[], trust: CheckpointTrust): SignedHead[] {
  return notes.map((note, i) => {
    const opened = openCheckpoint(note, trust, `checkpoints[${i}]`);
    if (!opened.ok)
      throw AttestError.validation(`${opened.reason}: it is not a checkpoint of this tenant's log`, { field: 'checkpoints', index: i });
    return {
      size: opened.checkpoint.treeSize,
      root: opened.checkpoint.rootHash,
      source: `the checkpoint you hold of size ${opened.checkpoint.treeSize}`,
    };
  });
}

/** The stored checkpoints whose sizes fall in the leaves [from, to], each one's signature, size and origin checked. */
export async function storedHeads(m: EntityManager, trust: CheckpointTrust, from: number, to: number): Promise<SignedHead[]> {
  const rows: { tree_size: string; root_hash: Buffer; note: string }[] = await m.query(
    'SELECT tree_size, root_hash, note FROM ledger_checkpoints WHERE tree_size > $1 AND tree_size <= $2 ORDER BY tree_size',
    [from, to + 1],
  );
  return rows.map((row) => {
    const size = Number(row.tree_size);
    const opened = openCheckpoint(row.note, trust, `checkpoint of size ${size}`);
    const problem = !opened.ok
      ? opened.reason
      : opened.checkpoint.treeSize !== size
        ? `the checkpoint stored at size ${size} is signed for size ${opened.checkpoint.treeSize}`
        : !opened.checkpoint.rootHash.equals(row.root_hash)
          ? `the checkpoint of size ${size} has a stored head that differs from the signed one`
          : undefined;
    return { size, root: row.root_hash, source: `the checkpoint of size ${size}`, problem };
  });
}

/** The stored and held heads that close within the leaves [from, to], by size. */
export async function headsWithin(
  m: EntityManager,
  trust: CheckpointTrust,
  held: readonly SignedHead[],
  from: number,
  to: number,
): Promise<Map<number, SignedHead[]>> {
  const heads = new Map<number, SignedHead[]>();
  for (const head of [...(await storedHeads(m, trust, from, to)), ...held.filter((h) => h.size > from && h.size <= to + 1)]) {
    heads.set(head.size, [...(heads.get(head.size) ?? []), head]);
  }
  return heads;
}

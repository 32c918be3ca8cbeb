import type { EntityManager } from 'typeorm';
import type { LedgerCheckpointModel } from './models/ledger-checkpoint.model';

export interface CheckpointRow {
  tree_size: string;
  root_hash: Buffer;
  signed_at: Date;
  note: string;
}

export const CHECKPOINT_COLUMNS = 'tree_size, root_hash, signed_at, note';

export function toCheckpoint(origin: string, row: CheckpointRow): LedgerCheckpointModel {
  return { origin, treeSize: Number(row.tree_size), rootHash: row.root_hash.toString('base64'), timestamp: row.signed_at, note: row.note };
}

/** The checkpoint of that size, or the latest with none given; undefined when there is none. */
export async function checkpointRow(m: EntityManager, treeSize?: number): Promise<CheckpointRow | undefined> {
  const rows: CheckpointRow[] =
    treeSize === undefined
      ? await m.query(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1`)
      : await m.query(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoints WHERE tree_size = $1`, [treeSize]);
  return rows[0];
}

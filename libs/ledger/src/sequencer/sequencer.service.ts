import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { formatCheckpoint } from '../checkpoint/checkpoint';
import { signNote } from '../checkpoint/signed-note';
import { LedgerKeys } from '../keys/ledger-keys';
import { LEAF_BYTES_SQL } from '../leaves/leaf-format';
import { frontier, nodesCompletedBy, PerfectSubtreeReader } from '../merkle/perfect-subtrees';
import { insertNodes, nodeKey, nodeLookup, readNodes } from '../store/stored-tree';

/** What one sequencing run did for a tenant. */
export interface SequencedBatch {
  tenantId: string;
  /** Leaves given a position by this run. */
  sequenced: number;
  treeSize: number;
  /** Write time of each leaf sequenced, to measure the lag to `sealedAt`. */
  writtenAt: Date[];
  sealedAt: Date;
}

/**
 * Positions the oldest unsequenced leaves after the tree's last one, hashing each where it is
 * stored (the hash covers the position: see leaf-format.ts). A SELECT over the UPDATE, so that the
 * driver returns rows (an UPDATE answers with [rows, count]).
 */
const SEAL_LEAVES = `
  WITH batch AS (
    SELECT id, $2::bigint + row_number() OVER (ORDER BY id) - 1 AS position
      FROM (SELECT id FROM ledger_leaves WHERE tenant_id = $1 AND position IS NULL ORDER BY id LIMIT $3) unsequenced
  ), sealed AS (
    UPDATE ledger_leaves l SET position = b.position, sealed_at = $4
      FROM batch b WHERE l.id = b.id
    RETURNING l.position, sha256('\\x00'::bytea || ${LEAF_BYTES_SQL('b.position', 'l.fact')}) AS hash, l.created_at
  )
  SELECT * FROM sealed`;

/**
 * The sequencer's one step for one tenant, in ONE transaction: take the oldest unsequenced leaves
 * (up to `limit`) in write order, give them the next positions, store the perfect-subtree heads
 * they complete, and sign a checkpoint of the new tree. A crash anywhere rolls all of it back, so
 * no leaf is lost or sequenced twice. Writers never wait: only sequencers of the same tenant
 * contend, on a transaction-scoped advisory lock, and a second one skips instead of waiting.
 */
@Injectable()
export class Sequencer {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: LedgerKeys,
  ) {}

  /** null when another sequencer holds the tenant; `sequenced: 0` when there was nothing to do. */
  sequence(tenantId: string, limit: number): Promise<SequencedBatch | null> {
    return this.db.transaction(tenantId, async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('attest.ledger/' || $1, 0)) AS locked`, [tenantId]);
      if (!locked) return null;
      const size = await treeSizeOf(m);
      const sealedAt = new Date();
      const rows: { position: string; hash: Buffer; created_at: Date }[] = await m.query(SEAL_LEAVES, [tenantId, size, limit, sealedAt]);
      if (rows.length === 0) return { tenantId, sequenced: 0, treeSize: size, writtenAt: [], sealedAt };
      rows.sort((a, b) => Number(a.position) - Number(b.position));

      const known = await readNodes(m, frontier(size));
      const added = nodesCompletedBy(size, rows.map((r) => r.hash), nodeLookup(known));
      await insertNodes(m, tenantId, added);
      for (const n of added) known.set(nodeKey(n.level, n.index), n.hash);
      const treeSize = size + rows.length;
      const rootHash = new PerfectSubtreeReader(treeSize, nodeLookup(known)).rangeHash(0, treeSize);
      const text = formatCheckpoint({ origin: this.keys.originOf(tenantId), treeSize, rootHash, timestamp: sealedAt });
      const note = signNote(text, { name: this.keys.name, privateKey: this.keys.privateKey });
      await m.query('INSERT INTO ledger_checkpoints (tenant_id, tree_size, root_hash, signed_at, note) VALUES ($1, $2, $3, $4, $5)', [
        tenantId, treeSize, rootHash, sealedAt, note,
      ]);
      return { tenantId, sequenced: rows.length, treeSize, writtenAt: rows.map((r) => r.created_at), sealedAt };
    });
  }
}

/** The size of the tenant's tree: that of its latest checkpoint (every sequencing run signs one). */
export async function treeSizeOf(m: EntityManager): Promise<number> {
  const [row] = await m.query('SELECT coalesce(max(tree_size), 0) AS size FROM ledger_checkpoints');
  return Number(row.size);
}

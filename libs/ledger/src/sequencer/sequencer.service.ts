import { Injectable } from '@nestjs/common';
import { TenantDb } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { formatCheckpoint } from '../checkpoint/checkpoint';
import { signNote } from '../checkpoint/signed-note';
import { LedgerKeys } from '../keys/ledger-keys';
import { LEAF_BYTES_SQL } from '../leaves/leaf-format';
import { nodesCompletedBy, PerfectSubtreeReader } from '../merkle/perfect-subtrees';
import { nodeKey, nodeLookup } from '../store/stored-tree';

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
 * The tree as the sequencer extends it, in one statement: its size (its latest checkpoint's: every
 * sequencing run signs one) and the heads of its frontier, the only nodes an append reads (bit L
 * of the size set ⇒ node (L, size / 2^L − 1)).
 */
const TREE_STATE = `
  SELECT s.size, n.level, n.index, n.hash
    FROM (SELECT coalesce(max(tree_size), 0) AS size FROM ledger_checkpoints WHERE tenant_id = $1) s
    LEFT JOIN LATERAL (
      SELECT n.level, n.index, n.hash FROM generate_series(0, 62) AS b(level)
        JOIN ledger_nodes n ON n.tenant_id = $1 AND n.level = b.level AND n.index = (s.size >> b.level) - 1
       WHERE ((s.size >> b.level) & 1) = 1
    ) n ON true`;

/** The nodes a batch completed and the checkpoint of the new tree, in one statement. */
const STORE_BATCH = `
  WITH nodes AS (
    INSERT INTO ledger_nodes (tenant_id, level, index, hash) SELECT $1, * FROM unnest($2::smallint[], $3::bigint[], $4::bytea[])
  )
  INSERT INTO ledger_checkpoints (tenant_id, tree_size, root_hash, signed_at, note) VALUES ($1, $5, $6, $7, $8)`;

/**
 * The sequencer's one step for one tenant, in ONE transaction: take the oldest unsequenced leaves
 * (up to `limit`) in write order, give them the next positions, store the perfect-subtree heads
 * they complete, and sign a checkpoint of the new tree. A crash anywhere rolls all of it back, so
 * no leaf is lost or sequenced twice. Writers never wait: only sequencers of the same tenant
 * contend, on a transaction-scoped advisory lock, and a second one skips instead of waiting.
 * Six round trips whatever the batch (begin, lock, tree, seal, store, commit): under load each
 * one waits its turn on a busy event loop, so they are kept few.
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
      // Alone: a statement's snapshot is taken before it runs, so what the lock protects is read after it.
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('attest.ledger/' || $1, 0)) AS locked`, [
        tenantId,
      ]);
      if (!locked) return null;
      const { size, known } = await treeState(m, tenantId);
      const sealedAt = new Date();
      const rows: { position: string; hash: Buffer; created_at: Date }[] = await m.query(SEAL_LEAVES, [tenantId, size, limit, sealedAt]);
      if (rows.length === 0) return { tenantId, sequenced: 0, treeSize: size, writtenAt: [], sealedAt };
      rows.sort((a, b) => Number(a.position) - Number(b.position));

      const added = nodesCompletedBy(
        size,
        rows.map((r) => r.hash),
        nodeLookup(known),
      );
      for (const n of added) known.set(nodeKey(n.level, n.index), n.hash);
      const treeSize = size + rows.length;
      const rootHash = new PerfectSubtreeReader(treeSize, nodeLookup(known)).rangeHash(0, treeSize);
      const text = formatCheckpoint({ origin: this.keys.originOf(tenantId), treeSize, rootHash, timestamp: sealedAt });
      const note = signNote(text, { name: this.keys.name, privateKey: this.keys.privateKey });
      await m.query(STORE_BATCH, [
        tenantId,
        added.map((n) => n.level),
        added.map((n) => n.index),
        added.map((n) => n.hash),
        treeSize,
        rootHash,
        sealedAt,
        note,
      ]);
      return { tenantId, sequenced: rows.length, treeSize, writtenAt: rows.map((r) => r.created_at), sealedAt };
    });
  }
}

async function treeState(m: EntityManager, tenantId: string): Promise<{ size: number; known: Map<string, Buffer> }> {
  const rows: { size: string; level: number | null; index: string | null; hash: Buffer | null }[] = await m.query(TREE_STATE, [tenantId]);
  const known = new Map<string, Buffer>();
  for (const r of rows) if (r.hash) known.set(nodeKey(r.level!, Number(r.index)), r.hash);
  return { size: Number(rows[0].size), known };
}

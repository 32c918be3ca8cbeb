import { Injectable } from '@nestjs/common';
import { AttestError, ErrorCode, pageInfoOf, TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { LedgerKeys } from '../keys/ledger-keys';
import { leafBytes } from '../leaves/leaf-format';
import { consistencyProof, inclusionProof } from '../merkle/proofs';
import { leafHash } from '../merkle/rfc6962';
import { overStoredTree } from '../store/stored-tree';
import { checkpointRow, toCheckpoint, type CheckpointRow } from './checkpoint-rows';
import type { LedgerConsistencyProofArgs } from './dto/ledger-consistency-proof.args';
import type { LedgerEntriesArgs } from './dto/ledger-entries.args';
import type { LedgerInclusionProofArgs } from './dto/ledger-inclusion-proof.args';
import type { LedgerCheckpointModel } from './models/ledger-checkpoint.model';
import type { LedgerConsistencyProofModel } from './models/ledger-consistency-proof.model';
import type { LedgerEntryModel } from './models/ledger-entry.model';
import type { LedgerInclusionProofModel } from './models/ledger-inclusion-proof.model';
import type { LedgerStatusModel } from './models/ledger-status.model';

interface LeafRow {
  id: string;
  kind: string;
  fact_id: string;
  fact: string;
  created_at: Date;
  position: string | null;
  sealed_at: Date | null;
  current?: unknown;
}

const LEAF_COLUMNS = 'id, kind, fact_id, fact, created_at, position, sealed_at';

/** Reads of a tenant's ledger: checkpoints, proofs over the stored tree, entries, status. */
@Injectable()
export class LedgerReads {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: LedgerKeys,
  ) {}

  checkpoint(actor: AuthenticatedPrincipal, treeSize?: number): Promise<LedgerCheckpointModel | null> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const row = await checkpointRow(m, treeSize);
      if (!row && treeSize !== undefined) throw notCheckpointed(treeSize);
      return row ? toCheckpoint(this.keys.originOf(actor.tenantId), row) : null;
    });
  }

  inclusionProof(actor: AuthenticatedPrincipal, args: LedgerInclusionProofArgs): Promise<LedgerInclusionProofModel> {
    if ((args.leafIndex === undefined) === (args.factId === undefined)) {
      throw AttestError.validation('Give exactly one of leafIndex and factId', { field: 'leafIndex' });
    }
    return this.db.transaction(actor.tenantId, async (m) => {
      const checkpoint = await this.checkpointOrFail(m, args.treeSize);
      const size = Number(checkpoint.tree_size);
      const leaf = await leafFor(m, args);
      if (!leaf) throw AttestError.notFound('LedgerEntry', String(args.factId ?? args.leafIndex));
      if (leaf.position === null || Number(leaf.position) >= size) {
        throw AttestError.validation(`The leaf is not sealed in the tree of ${size} leaves yet: ask again after the next checkpoint`, {
          field: 'treeSize',
        });
      }
      const index = Number(leaf.position);
      const hashes = await overStoredTree(m, size, (tree) => inclusionProof(tree, index, size));
      const bytes = leafBytes(index, leaf.fact);
      return {
        leafIndex: index,
        treeSize: size,
        hashes: hashes.map(base64),
        leaf: bytes.toString('utf8'),
        leafHash: base64(leafHash(bytes)),
        checkpoint: toCheckpoint(this.keys.originOf(actor.tenantId), checkpoint),
      };
    });
  }

  consistencyProof(actor: AuthenticatedPrincipal, args: LedgerConsistencyProofArgs): Promise<LedgerConsistencyProofModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const to = await this.checkpointOrFail(m, args.toSize);
      const toSize = Number(to.tree_size);
      if (args.fromSize > toSize) {
        throw AttestError.validation(
          `fromSize ${args.fromSize} is beyond the tree of ${toSize} leaves: this log never reached it, or was cut back`,
          { field: 'fromSize' },
        );
      }
      const from = await this.checkpointOrFail(m, args.fromSize);
      const hashes = await overStoredTree(m, toSize, (tree) => consistencyProof(tree, args.fromSize, toSize));
      const origin = this.keys.originOf(actor.tenantId);
      return {
        fromSize: args.fromSize,
        toSize,
        hashes: hashes.map(base64),
        fromCheckpoint: toCheckpoint(origin, from),
        toCheckpoint: toCheckpoint(origin, to),
      };
    });
  }

  entries(actor: AuthenticatedPrincipal, args: LedgerEntriesArgs): Promise<Connection<LedgerEntryModel>> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      const f = args.filter ?? {};
      if (f.kind) add('kind = ?', f.kind);
      if (f.factId) add('tenant_id = attest_current_tenant() AND fact_id = ?', f.factId); // the (tenant_id, fact_id) index, whatever the planner's guess
      if (f.fromIndex !== undefined) add('position >= ?', f.fromIndex);
      if (f.toIndex !== undefined) add('position <= ?', f.toIndex);
      if (f.sealed === true) where.push('position IS NOT NULL');
      if (f.sealed === false) where.push('position IS NULL');
      if (args.after) add('id > ?', decodeEntryCursor(args.after));
      params.push(args.first + 1);
      const rows: LeafRow[] = await m.query(
        `SELECT ${LEAF_COLUMNS}, attest_ledger_fact(kind, fact_id) AS current FROM ledger_leaves ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, args.first);
      const edges = page.map((row) => ({ cursor: Buffer.from(row.id).toString('base64url'), node: toEntry(row) }));
      return { edges, pageInfo: pageInfoOf(edges, rows.length > args.first) };
    });
  }

  status(actor: AuthenticatedPrincipal): Promise<LedgerStatusModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const origin = this.keys.originOf(actor.tenantId);
      const latest = await checkpointRow(m);
      const [pending] = await m.query(
        `SELECT count(*)::int AS unsequenced, min(created_at) AS oldest FROM ledger_leaves WHERE tenant_id = $1 AND position IS NULL`,
        [actor.tenantId],
      );
      return {
        origin,
        treeSize: latest ? Number(latest.tree_size) : 0,
        latestCheckpoint: latest ? toCheckpoint(origin, latest) : null,
        unsequenced: pending.unsequenced,
        oldestUnsequencedAt: pending.oldest,
      };
    });
  }

  /** Position and seal of each fact's leaves (by fact id), for the decision's ledgerIndex and sealedAt. */
  private async checkpointOrFail(m: EntityManager, treeSize?: number): Promise<CheckpointRow> {
    const row = await checkpointRow(m, treeSize);
    if (!row) throw treeSize === undefined ? AttestError.notFound('LedgerCheckpoint', 'latest') : notCheckpointed(treeSize);
    return row;
  }
}

function leafFor(m: EntityManager, args: LedgerInclusionProofArgs): Promise<LeafRow | undefined> {
  return (
    args.factId !== undefined
      ? m.query(
          `SELECT ${LEAF_COLUMNS} FROM ledger_leaves WHERE tenant_id = attest_current_tenant() AND fact_id = $1 ORDER BY id LIMIT 1`,
          [args.factId],
        )
      : m.query(`SELECT ${LEAF_COLUMNS} FROM ledger_leaves WHERE position = $1`, [args.leafIndex])
  ).then((rows: LeafRow[]) => rows[0]);
}

function toEntry(row: LeafRow): LedgerEntryModel {
  const index = row.position === null ? null : Number(row.position);
  const bytes = index === null ? null : leafBytes(index, row.fact);
  return {
    index,
    kind: row.kind,
    factId: row.fact_id,
    fact: JSON.parse(row.fact),
    leaf: bytes?.toString('utf8') ?? null,
    leafHash: bytes ? base64(leafHash(bytes)) : null,
    writtenAt: row.created_at,
    sealedAt: row.sealed_at,
    currentFact: row.current ?? null,
  };
}

function decodeEntryCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9]{1,19}$/.test(id)) throw AttestError.validation('The cursor is not valid', { field: 'after' });
  return id;
}

function notCheckpointed(treeSize: number): AttestError {
  return new AttestError(ErrorCode.NOT_FOUND, `No checkpoint was signed at size ${treeSize}: proofs are given for checkpointed sizes`, {
    subjectType: 'LedgerCheckpoint',
    id: String(treeSize),
  });
}

const base64 = (b: Buffer) => b.toString('base64');

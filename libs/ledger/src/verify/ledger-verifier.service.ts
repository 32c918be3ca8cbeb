import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, ErrorCode, TenantDb, type AttestConfig } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { openCheckpoint } from '../checkpoint/open-checkpoint';
import { LedgerKeys } from '../keys/ledger-keys';
import { leafHashOf } from '../leaves/leaf-format';
import { CompactRange } from '../merkle/compact-range';
import { frontier } from '../merkle/perfect-subtrees';
import { readNodes, nodeKey } from '../store/stored-tree';
import { MAX_VERIFY_RANGE, type VerifyLedgerArgs } from '../api/ledger.args';
import { LedgerDivergenceKind, type LedgerDivergenceModel, type LedgerVerificationModel } from '../api/ledger.models';

const PAGE = 5000;

/** A head the recomputed tree must match at a size: a stored checkpoint, or one the auditor kept. */
interface SignedHead {
  size: number;
  root: Buffer;
  source: string;
  /** Set when the stored checkpoint itself is not a valid one of this log (reported at its size). */
  problem?: string;
}

interface VerifiedLeafRow {
  position: string;
  kind: string;
  fact_id: string;
  fact: string;
  node: Buffer | null;
  current: string | null;
  fact_matches: boolean | null;
}

/**
 * verifyLedger: recomputes a range of the tenant's log from what is stored now and reports the
 * first divergence. For each position in order: the leaf is there (none deleted), its hash is the
 * stored level-0 node (the leaf was not edited or moved: its bytes name its position), its fact
 * still exists and equals the row it was written from (the decision, the audit event… was not
 * edited). Along the way the head of every checkpointed size is recomputed from the leaves and
 * compared with the signed one, each checkpoint's signature and origin checked; so are the
 * checkpoints the auditor brings, which catches a log cut back below them. Leaves sealed beyond
 * the last checkpoint cannot come from the sequencer (it seals and signs in one transaction).
 *
 * It is the API's longest computation, so it is bounded: one per request (ONE_PER_OPERATION on the
 * resolver), one at a time per tenant (a transaction advisory lock; another is CONFLICT, not a queue
 * holding connections), and ATTEST_LEDGER_VERIFY_TIMEOUT_MS per call (each statement and the whole).
 */
@Injectable()
export class LedgerVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: LedgerKeys,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  verify(actor: AuthenticatedPrincipal, args: VerifyLedgerArgs): Promise<LedgerVerificationModel> {
    const origin = this.keys.originOf(actor.tenantId);
    const held = (args.checkpoints ?? []).map((note, i) => {
      const opened = openCheckpoint(note, { publicKey: this.keys.publicKey, keyName: this.keys.name, origin }, `checkpoints[${i}]`);
      if (!opened.ok) throw AttestError.validation(`${opened.reason}: it is not a checkpoint of this tenant's log`, { field: 'checkpoints', index: i });
      return { size: opened.checkpoint.treeSize, root: opened.checkpoint.rootHash, source: `the checkpoint you hold of size ${opened.checkpoint.treeSize}` };
    });
    const timeoutMs = this.config.ledger.verifyTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    return this.db.transaction(actor.tenantId, async (m) => {
      await m.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('attest.ledger-verify/' || $1, 0)) AS locked`, [actor.tenantId]);
      if (!locked) throw AttestError.conflict("A verification of this tenant's ledger is running: try again when it has finished");
      const [{ size: storedSize }] = await m.query('SELECT coalesce(max(tree_size), 0)::bigint AS size FROM ledger_checkpoints');
      const treeSize = Math.max(Number(storedSize), ...held.map((h) => h.size));
      const from = args.fromIndex;
      const to = args.toIndex ?? treeSize - 1;
      if (treeSize === 0 && args.toIndex === undefined) return { ok: true, fromIndex: 0, toIndex: -1, leavesChecked: 0, checkpointsChecked: 0, firstDivergence: null };
      if (to >= treeSize) throw AttestError.validation(`toIndex ${to} is beyond the last checkpoint (${treeSize} leaves)`, { field: 'toIndex' });
      if (from > to) throw AttestError.validation('fromIndex must not be after toIndex', { field: 'fromIndex' });
      if (to - from + 1 > MAX_VERIFY_RANGE) throw AttestError.validation(`Verify at most ${MAX_VERIFY_RANGE} leaves per call, in consecutive ranges`, { field: 'toIndex' });

      const result = { ok: true, fromIndex: from, toIndex: to, leavesChecked: 0, checkpointsChecked: 0, firstDivergence: null as LedgerDivergenceModel | null };
      const fail = (divergence: LedgerDivergenceModel) => ({ ...result, ok: false, firstDivergence: divergence });

      const stored = await this.storedHeads(m, origin, from, to);
      const heads = new Map<number, SignedHead[]>();
      for (const head of [...stored, ...held.filter((h) => h.size > from && h.size <= to + 1)]) heads.set(head.size, [...(heads.get(head.size) ?? []), head]);

      const start = await this.startingRange(m, from);
      if ('index' in start) return fail(start);
      const range = start;
      let lastMatched = from;
      for (let pageStart = from; pageStart <= to; pageStart += PAGE) {
        if (Date.now() > deadline) throw timedOut(timeoutMs);
        const pageEnd = Math.min(to, pageStart + PAGE - 1);
        const rows = await leavesBetween(m, pageStart, pageEnd);
        let next = 0;
        for (let p = pageStart; p <= pageEnd; p++) {
          const row = rows[next]?.position === String(p) ? rows[next++] : undefined;
          const hash = row && leafHashOf(p, row.fact);
          const divergence = checkLeaf(p, row, hash);
          if (divergence) return fail(divergence);
          range.append(hash!);
          result.leavesChecked += 1;
          for (const head of heads.get(p + 1) ?? []) {
            result.checkpointsChecked += 1;
            if (head.problem) {
              return fail({ index: p, kind: LedgerDivergenceKind.CHECKPOINT_SIGNATURE, factKind: null, factId: null, expected: null, found: null, message: head.problem });
            }
            const root = range.root();
            if (!root.equals(head.root)) {
              return fail({
                index: lastMatched, kind: LedgerDivergenceKind.CHECKPOINT_MISMATCH, factKind: null, factId: null,
                expected: head.root.toString('hex'), found: root.toString('hex'),
                message: `The leaves [${lastMatched}, ${p + 1}) no longer give the head that ${head.source} signed: one of them was rewritten together with its stored hash`,
              });
            }
            lastMatched = p + 1;
          }
        }
      }
      if (to === treeSize - 1) {
        const beyond = await sealedBeyond(m, Number(storedSize));
        if (beyond) return fail(beyond);
      }
      return result;
    }).catch((error: unknown) => {
      throw isStatementTimeout(error) ? timedOut(timeoutMs) : error;
    });
  }

  /** The stored checkpoints whose sizes fall in the range, each one's signature, size and origin checked. */
  private async storedHeads(m: EntityManager, origin: string, from: number, to: number): Promise<SignedHead[]> {
    const rows: { tree_size: string; root_hash: Buffer; note: string }[] = await m.query(
      'SELECT tree_size, root_hash, note FROM ledger_checkpoints WHERE tree_size > $1 AND tree_size <= $2 ORDER BY tree_size',
      [from, to + 1],
    );
    return rows.map((row) => {
      const size = Number(row.tree_size);
      const opened = openCheckpoint(row.note, { publicKey: this.keys.publicKey, keyName: this.keys.name, origin }, `checkpoint of size ${size}`);
      const problem = !opened.ok ? opened.reason
        : opened.checkpoint.treeSize !== size ? `the checkpoint stored at size ${size} is signed for size ${opened.checkpoint.treeSize}`
        : !opened.checkpoint.rootHash.equals(row.root_hash) ? `the checkpoint of size ${size} has a stored head that differs from the signed one`
        : undefined;
      return { size, root: row.root_hash, source: `the checkpoint of size ${size}`, problem };
    });
  }

  /** The tree before `from`, from the stored frontier (its heads are checked by the checkpoints after it). */
  private async startingRange(m: EntityManager, from: number): Promise<CompactRange | LedgerDivergenceModel> {
    const keys = frontier(from);
    const nodes = await readNodes(m, keys);
    const missing = keys.find((k) => !nodes.has(nodeKey(k.level, k.index)));
    if (missing) {
      const index = missing.index * 2 ** missing.level;
      return { index, kind: LedgerDivergenceKind.NODE_CHANGED, factKind: null, factId: null, expected: null, found: null, message: `The stored head of leaves [${index}, ${index + 2 ** missing.level}) is missing: start verifying from an earlier index` };
    }
    return new CompactRange(from, keys.map((k) => nodes.get(nodeKey(k.level, k.index))!));
  }
}

/**
 * A page of leaves with their stored hashes and their facts as the rows say now. The facts are
 * fetched per kind in one indexed lookup (`attest_ledger_facts`) and joined as materialised CTEs;
 * the hashes by one range scan, matched here: under row-level security PostgreSQL joined them in a
 * nested loop over the whole level (quadratic again).
 */
async function leavesBetween(m: EntityManager, from: number, to: number): Promise<VerifiedLeafRow[]> {
  const rows: Omit<VerifiedLeafRow, 'node'>[] = await m.query(
    `WITH l AS MATERIALIZED (
       SELECT position, kind, fact_id, fact FROM ledger_leaves WHERE position BETWEEN $1 AND $2
     ), f AS MATERIALIZED (
       SELECT k.kind, c.fact_id, c.fact
         FROM (SELECT DISTINCT kind FROM l) k
        CROSS JOIN LATERAL attest_ledger_facts(k.kind, ARRAY(SELECT l.fact_id FROM l WHERE l.kind = k.kind)) c
     )
     SELECT l.position, l.kind, l.fact_id, l.fact, f.fact::text AS current, l.fact::jsonb = f.fact AS fact_matches
       FROM l LEFT JOIN f ON f.kind = l.kind AND f.fact_id = l.fact_id
      ORDER BY l.position`,
    [from, to],
  );
  const nodes: { index: string; hash: Buffer }[] = await m.query('SELECT index, hash FROM ledger_nodes WHERE level = 0 AND index BETWEEN $1 AND $2', [from, to]);
  const hashes = new Map(nodes.map((n) => [n.index, n.hash]));
  return rows.map((row) => ({ ...row, node: hashes.get(row.position) ?? null }));
}

/** The first way the leaf at `index` (of hash `hash`, recomputed) fails, or null when it matches its stored hash and its fact. */
function checkLeaf(index: number, row: VerifiedLeafRow | undefined, hash: Buffer | undefined): LedgerDivergenceModel | null {
  const at = { index, factKind: row?.kind ?? null, factId: row?.fact_id ?? null };
  if (!row || !hash) return { ...at, kind: LedgerDivergenceKind.LEAF_MISSING, expected: null, found: null, message: `No leaf is stored at index ${index}: it was deleted or moved` };
  if (!row.node) {
    return { ...at, kind: LedgerDivergenceKind.NODE_CHANGED, expected: null, found: hex(hash), message: `The stored hash of leaf ${index} is missing` };
  }
  if (!row.node.equals(hash)) {
    return { ...at, kind: LedgerDivergenceKind.LEAF_CHANGED, expected: hex(row.node), found: hex(hash), message: `Leaf ${index} (${row.kind} ${row.fact_id}) is not the leaf that was sealed there: it was edited or moved` };
  }
  if (row.current === null) {
    return { ...at, kind: LedgerDivergenceKind.FACT_MISSING, expected: sha256(row.fact), found: null, message: `The ${row.kind} ${row.fact_id} of leaf ${index} no longer exists` };
  }
  if (!row.fact_matches) {
    return { ...at, kind: LedgerDivergenceKind.FACT_CHANGED, expected: sha256(row.fact), found: sha256(row.current), message: `The ${row.kind} ${row.fact_id} of leaf ${index} was changed after it was sealed` };
  }
  return null;
}

async function sealedBeyond(m: EntityManager, checkpointed: number): Promise<LedgerDivergenceModel | null> {
  const [row] = await m.query('SELECT position, kind, fact_id FROM ledger_leaves WHERE position >= $1 ORDER BY position LIMIT 1', [checkpointed]);
  if (!row) return null;
  const index = Number(row.position);
  return {
    index, kind: LedgerDivergenceKind.LEAF_NOT_IN_CHECKPOINT, factKind: row.kind, factId: row.fact_id, expected: null, found: null,
    message: `Leaf ${index} is sealed but in no checkpoint: the sequencer seals and signs together, so it was forged`,
  };
}

function timedOut(timeoutMs: number): AttestError {
  return new AttestError(ErrorCode.QUERY_TOO_COMPLEX, `The verification ran longer than ${timeoutMs / 1000} s: verify the log in shorter consecutive ranges (fromIndex, toIndex)`, { timeoutMs });
}

/** PostgreSQL's query_canceled, which statement_timeout raises. */
const isStatementTimeout = (error: unknown) =>
  error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '57014';

const hex = (b: Buffer) => b.toString('hex');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LedgerDivergenceKind } from '../api/ledger.models';
import type { LedgerDivergenceModel } from '../api/models/ledger-divergence.model';
import type { LedgerVerificationModel } from '../api/models/ledger-verification.model';
import { leafHashOf } from '../leaves/leaf-format';
import { CompactRange } from '../merkle/compact-range';
import { frontier } from '../merkle/perfect-subtrees';
import { nodeKey, readNodes } from '../store/stored-tree';
import type { SignedHead } from './signed-heads';

/** Leaves read per round trip. */
const PAGE = 5000;

/** Where a verification stopped, stored by a job after each slice so that another run goes on from there. */
export interface VerificationProgress {
  leavesChecked: number;
  checkpointsChecked: number;
  /** The first leaf index whose checkpoint head is not yet confirmed (where a CHECKPOINT_MISMATCH points). */
  lastMatched: number;
  /** The compact range's frontier after the leaves checked, hex, left to right. */
  frontier: string[];
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
 * The core of verifyLedger and of a verification job: walks the leaves [fromIndex, toIndex] in
 * order, in as many calls to `checkThrough` as the caller wants (one transaction for verifyLedger,
 * one per slice for a job), recomputing each leaf from its fact and the head of every checkpointed
 * size on the way (docs/ledger.md, "Verifying"). The walk is exactly resumable: `progress` holds the
 * compact range, so a job that resumes gives the same answer as one that never stopped.
 */
export class RangeVerification {
  private constructor(
    readonly fromIndex: number,
    readonly toIndex: number,
    private readonly range: CompactRange,
    private counts: Omit<VerificationProgress, 'frontier'>,
  ) {}

  /** From the stored frontier of `fromIndex` (its heads are checked by the checkpoints after it), or the divergence of a missing one. */
  static async start(m: EntityManager, fromIndex: number, toIndex: number): Promise<RangeVerification | LedgerDivergenceModel> {
    const keys = frontier(fromIndex);
    const nodes = await readNodes(m, keys);
    const missing = keys.find((k) => !nodes.has(nodeKey(k.level, k.index)));
    if (missing) {
      const index = missing.index * 2 ** missing.level;
      return {
        index,
        kind: LedgerDivergenceKind.NODE_CHANGED,
        factKind: null,
        factId: null,
        expected: null,
        found: null,
        message: `The stored head of leaves [${index}, ${index + 2 ** missing.level}) is missing: start verifying from an earlier index`,
      };
    }
    const range = new CompactRange(
      fromIndex,
      keys.map((k) => nodes.get(nodeKey(k.level, k.index))!),
    );
    return new RangeVerification(fromIndex, toIndex, range, { leavesChecked: 0, checkpointsChecked: 0, lastMatched: fromIndex });
  }

  static resume(fromIndex: number, toIndex: number, progress: VerificationProgress): RangeVerification {
    const range = new CompactRange(
      fromIndex + progress.leavesChecked,
      progress.frontier.map((h) => Buffer.from(h, 'hex')),
    );
    const { frontier: _, ...counts } = progress;
    return new RangeVerification(fromIndex, toIndex, range, counts);
  }

  /** The next leaf to check. */
  get next(): number {
    return this.fromIndex + this.counts.leavesChecked;
  }

  get done(): boolean {
    return this.next > this.toIndex;
  }

  get progress(): VerificationProgress {
    return { ...this.counts, frontier: this.range.frontier.map(hex) };
  }

  /**
   * Checks the leaves from `next` through `through` against their stored hashes and facts, and
   * the `heads` that close on the way; the first divergence, or null. `beforePage` runs before each
   * page is read (verifyLedger's deadline).
   */
  async checkThrough(
    m: EntityManager,
    through: number,
    heads: ReadonlyMap<number, SignedHead[]>,
    beforePage: () => void = () => undefined,
  ): Promise<LedgerDivergenceModel | null> {
    const end = Math.min(through, this.toIndex);
    for (let pageStart = this.next; pageStart <= end; pageStart += PAGE) {
      beforePage();
      const pageEnd = Math.min(end, pageStart + PAGE - 1);
      const rows = await leavesBetween(m, pageStart, pageEnd);
      let next = 0;
      for (let p = pageStart; p <= pageEnd; p++) {
        const row = rows[next]?.position === String(p) ? rows[next++] : undefined;
        const hash = row && leafHashOf(p, row.fact);
        const divergence = checkLeaf(p, row, hash);
        if (divergence) return divergence;
        this.range.append(hash!);
        this.counts.leavesChecked += 1;
        const mismatch = this.checkHeads(p, heads.get(p + 1) ?? []);
        if (mismatch) return mismatch;
      }
    }
    return null;
  }

  /** After the last leaf: a leaf sealed beyond the last checkpoint, when the range reaches it (the sequencer seals and signs together). */
  finish(m: EntityManager): Promise<LedgerDivergenceModel | null> {
    return sealedBeyondCheckpoints(m, this.toIndex);
  }

  /** The answer: ok when no divergence was found. */
  outcome(divergence: LedgerDivergenceModel | null): LedgerVerificationModel {
    const { leavesChecked, checkpointsChecked } = this.counts;
    return {
      ok: divergence === null,
      fromIndex: this.fromIndex,
      toIndex: this.toIndex,
      leavesChecked,
      checkpointsChecked,
      firstDivergence: divergence,
    };
  }

  private checkHeads(p: number, heads: SignedHead[]): LedgerDivergenceModel | null {
    for (const head of heads) {
      this.counts.checkpointsChecked += 1;
      if (head.problem) {
        return {
          index: p,
          kind: LedgerDivergenceKind.CHECKPOINT_SIGNATURE,
          factKind: null,
          factId: null,
          expected: null,
          found: null,
          message: head.problem,
        };
      }
      const root = this.range.root();
      if (!root.equals(head.root)) {
        const from = this.counts.lastMatched;
        return {
          index: from,
          kind: LedgerDivergenceKind.CHECKPOINT_MISMATCH,
          factKind: null,
          factId: null,
          expected: hex(head.root),
          found: hex(root),
          message: `The leaves [${from}, ${p + 1}) no longer give the head that ${head.source} signed: one of them was rewritten together with its stored hash`,
        };
      }
      this.counts.lastMatched = p + 1;
    }
    return null;
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
  const nodes: { index: string; hash: Buffer }[] = await m.query(
    'SELECT index, hash FROM ledger_nodes WHERE level = 0 AND index BETWEEN $1 AND $2',
    [from, to],
  );
  const hashes = new Map(nodes.map((n) => [n.index, n.hash]));
  return rows.map((row) => ({ ...row, node: hashes.get(row.position) ?? null }));
}

/** The first way the leaf at `index` (of hash `hash`, recomputed) fails, or null when it matches its stored hash and its fact. */
function checkLeaf(index: number, row: VerifiedLeafRow | undefined, hash: Buffer | undefined): LedgerDivergenceModel | null {
  const at = { index, factKind: row?.kind ?? null, factId: row?.fact_id ?? null };
  if (!row || !hash)
    return {
      ...at,
      kind: LedgerDivergenceKind.LEAF_MISSING,
      expected: null,
      found: null,
      message: `No leaf is stored at index ${index}: it was deleted or moved`,
    };
  if (!row.node) {
    return {
      ...at,
      kind: LedgerDivergenceKind.NODE_CHANGED,
      expected: null,
      found: hex(hash),
      message: `The stored hash of leaf ${index} is missing`,
    };
  }
  if (!row.node.equals(hash)) {
    return {
      ...at,
      kind: LedgerDivergenceKind.LEAF_CHANGED,
      expected: hex(row.node),
      found: hex(hash),
      message: `Leaf ${index} (${row.kind} ${row.fact_id}) is not the leaf that was sealed there: it was edited or moved`,
    };
  }
  if (row.current === null) {
    return {
      ...at,
      kind: LedgerDivergenceKind.FACT_MISSING,
      expected: sha256(row.fact),
      found: null,
      message: `The ${row.kind} ${row.fact_id} of leaf ${index} no longer exists`,
    };
  }
  if (!row.fact_matches) {
    return {
      ...at,
      kind: LedgerDivergenceKind.FACT_CHANGED,
      expected: sha256(row.fact),
      found: sha256(row.current),
      message: `The ${row.kind} ${row.fact_id} of leaf ${index} was changed after it was sealed`,
    };
  }
  return null;
}

/**
 * When the range reaches the last checkpoint: the first leaf sealed beyond it. One statement, so
 * that the checkpoint and the leaves are read in one snapshot (a batch the sequencer sealed and
 * signed meanwhile is not mistaken for a forged one).
 */
async function sealedBeyondCheckpoints(m: EntityManager, toIndex: number): Promise<LedgerDivergenceModel | null> {
  const [row] = await m.query(
    `WITH c AS (SELECT coalesce(max(tree_size), 0)::bigint AS size FROM ledger_checkpoints)
     SELECT position, kind, fact_id FROM ledger_leaves
      WHERE (SELECT size FROM c) <= $1::bigint + 1 AND position >= (SELECT size FROM c)
      ORDER BY position LIMIT 1`,
    [toIndex],
  );
  if (!row) return null;
  const index = Number(row.position);
  return {
    index,
    kind: LedgerDivergenceKind.LEAF_NOT_IN_CHECKPOINT,
    factKind: row.kind,
    factId: row.fact_id,
    expected: null,
    found: null,
    message: `Leaf ${index} is sealed but in no checkpoint: the sequencer seals and signs together, so it was forged`,
  };
}

const hex = (b: Buffer) => b.toString('hex');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

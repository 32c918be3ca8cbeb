import { Injectable } from '@nestjs/common';
import { AttestError, ErrorCode, TenantDb } from '@attest/core';
import { keyId } from '../checkpoint/signed-note';
import { LedgerKeys } from '../keys/ledger-keys';
import { leafBytes } from '../leaves/leaf-format';
import { inclusionProof } from '../merkle/proofs';
import { overStoredTree } from '../store/stored-tree';
import type { InclusionProofFile } from '../offline/verify-bundle';
import { checkpointRow } from './checkpoint-rows';

/** A fact another context wants proved: its leaf kind and its id (the ledger knows leaves, not what they hold). */
export interface FactRef {
  kind: string;
  factId: string;
}

/** A fact's leaf, byte for byte, and its audit path in the checkpoint's tree. */
export interface ProvedFact extends FactRef {
  index: number;
  /** The leaf's exact bytes as text (`{"index":i,"fact":…}`): hash them unchanged. */
  leaf: string;
  proof: InclusionProofFile;
}

/** The public key a pack's checkpoint is signed with, named so that a reader can compare it with the one they hold. */
export interface LedgerKeyReference {
  name: string;
  keyId: string;
  verifierKey: string;
  publicKeyPem: string;
  /** Where the server publishes it; an auditor should hold a copy obtained out of band. */
  publishedAt: string;
}

export interface FactProofs {
  origin: string;
  checkpoint: { note: string; treeSize: number };
  key: LedgerKeyReference;
  facts: ProvedFact[];
  /** Facts without a leaf in that checkpoint's tree yet (written since, or unknown): the caller decides. */
  unsealed: FactRef[];
}

/**
 * Proves a set of facts against one checkpoint, the latest, in one transaction: what an evidence pack
 * carries so that a reader can check each fact offline. Facts not sealed in that checkpoint yet are
 * returned apart, unproved: the caller refuses or leaves them out, never ships them unproved.
 */
@Injectable()
export class LedgerFactProofs {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: LedgerKeys,
  ) {}

  prove(tenantId: string, refs: readonly FactRef[]): Promise<FactProofs> {
    return this.db.transaction(tenantId, async (m) => {
      const checkpoint = await checkpointRow(m);
      if (!checkpoint) throw new AttestError(ErrorCode.CONFLICT, 'The ledger has no signed checkpoint yet: try again in a moment');
      const size = Number(checkpoint.tree_size);
      const rows: { kind: string; fact_id: string; fact: string; position: string | null }[] = await m.query(
        `SELECT l.kind, l.fact_id, l.fact, l.position
           FROM unnest($1::text[], $2::text[]) AS r(kind, fact_id)
           JOIN ledger_leaves l ON l.tenant_id = attest_current_tenant() AND l.kind = r.kind AND l.fact_id = r.fact_id`,
        [refs.map((r) => r.kind), refs.map((r) => r.factId)],
      );
      const byRef = new Map(rows.map((r) => [`${r.kind}:${r.fact_id}`, r]));
      const rowOf = (ref: FactRef) => byRef.get(`${ref.kind}:${ref.factId}`);
      const unsealed = refs.filter((ref) => {
        const row = rowOf(ref);
        return !row || row.position === null || Number(row.position) >= size;
      });
      // One read of every node the proofs need (overStoredTree runs the callback on placeholders first).
      const sealed = refs.filter((r) => !unsealed.includes(r));
      const paths = await overStoredTree(m, size, (tree) => sealed.map((ref) => inclusionProof(tree, Number(rowOf(ref)!.position), size)));
      const facts = sealed.map((ref, i): ProvedFact => {
        const row = rowOf(ref)!;
        const index = Number(row.position);
        return {
          ...ref,
          index,
          leaf: leafBytes(index, row.fact).toString('utf8'),
          proof: { type: 'inclusion', leafIndex: index, treeSize: size, hashes: paths[i].map((h) => h.toString('base64')) },
        };
      });
      return {
        origin: this.keys.originOf(tenantId),
        checkpoint: { note: checkpoint.note, treeSize: size },
        key: this.keyReference(),
        facts,
        unsealed,
      };
    });
  }

  keyReference(): LedgerKeyReference {
    return {
      name: this.keys.name,
      keyId: keyId(this.keys.name, this.keys.publicKey).toString('hex'),
      verifierKey: this.keys.verifierKey,
      publicKeyPem: this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      publishedAt: '/.well-known/attest/ledger-key',
    };
  }
}

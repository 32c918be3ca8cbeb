import { BUNDLE_FORMAT, type CheckpointFile, type InclusionProofFile, type LedgerBundle } from '@attest/ledger';
import { CliError } from '../command';
import type { GraphQLTransport } from './graphql-client';
import { consistencyProof, entriesInRange, inclusionProofs, latestCheckpoint } from './ledger-queries';

export interface ExportRequest {
  from: number;
  to: number;
  /** A checkpoint the auditor holds, and the size it claims (read unverified: the verifier checks it). */
  held?: { file: CheckpointFile; treeSize: number };
  now?: Date;
}

/**
 * Everything an auditor needs to verify leaves from..to offline, against the latest checkpoint:
 * each leaf byte for byte with its inclusion proof, each fact as the server recomputes it now, and
 * with a held checkpoint the consistency proof from it. What the server does not give is left out
 * and noted in the manifest, so the verifier fails on it; the export itself does not judge.
 */
export async function exportBundle(client: GraphQLTransport, request: ExportRequest): Promise<LedgerBundle> {
  const { from, to, held } = request;
  const checkpoint = await latestCheckpoint(client);
  if (!checkpoint) throw new CliError('the log has no signed checkpoint yet: nothing is sealed to export', 2);
  const size = checkpoint.treeSize;
  if (to >= size) {
    throw new CliError(
      `the latest checkpoint covers leaves 0 to ${size - 1}: --to ${to} is beyond it (export up to ${size - 1}, or wait for the next checkpoint)`,
      2,
    );
  }
  const indices = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const served = await inclusionProofs(client, indices, size);
  const leaves = await entriesInRange(client, from, to);
  const proofs = new Map<number, InclusionProofFile>();
  const leafBytes = new Map<number, Buffer>();
  for (const [index, proof] of served.proofs) {
    proofs.set(index, { type: 'inclusion', leafIndex: proof.leafIndex, treeSize: proof.treeSize, hashes: proof.hashes });
    leafBytes.set(index, Buffer.from(proof.leaf, 'utf8'));
  }
  const bundle: LedgerBundle = {
    manifest: {
      format: BUNDLE_FORMAT,
      origin: checkpoint.origin,
      from,
      to,
      treeSize: size,
      exportedAt: (request.now ?? new Date()).toISOString(),
      leaves,
      ...(served.missing.length ? { missing: served.missing.sort((a, b) => a.index - b.index) } : {}),
    },
    checkpoint: { note: checkpoint.note },
    leaves: leafBytes,
    proofs,
  };
  if (!held) return bundle;
  const consistency = await consistencyProof(client, held.treeSize, size);
  bundle.since = held.file;
  bundle.manifest.since = consistency.ok ? { treeSize: held.treeSize } : { treeSize: held.treeSize, error: consistency.error };
  if (consistency.ok)
    bundle.consistency = { type: 'consistency', fromSize: consistency.fromSize, toSize: consistency.toSize, hashes: consistency.hashes };
  return bundle;
}

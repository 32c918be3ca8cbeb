import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { formatCheckpoint } from '../checkpoint/checkpoint';
import { signNote } from '../checkpoint/signed-note';
import { InMemoryTree } from '../merkle/memory-tree';
import { consistencyProof, inclusionProof, rootHash } from '../merkle/proofs';
import { leafBytes } from '../leaves/leaf-format';
import { leafHash } from '../merkle/rfc6962';
import { BUNDLE_FORMAT, type LedgerBundle } from '../offline/bundle-layout';
import type { CheckpointFile, ConsistencyProofFile, InclusionProofFile } from '../offline/verify-bundle';

/**
 * A small signed log for tests of offline verification: leaves of JSON facts, checkpoints signed
 * by a fresh Ed25519 key, and the files an export bundle holds.
 */
export function bundleFixture(origin = 'attest.test/9a26acbd-6055-4c0d-b110-0364269517dc', size = 12) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyName = 'attest.test';
  const facts = Array.from({ length: size }, (_, i) => ({ kind: 'decision', id: `d-${i}`, status: i % 3 === 0 ? 'blocked' : 'recorded' }));
  const leaves = facts.map((fact, i) => leafBytes(i, JSON.stringify(fact)));
  const tree = new InMemoryTree(leaves.map((leaf) => leafHash(leaf)));
  const checkpointAt = (
    n: number,
    at = new Date('2026-12-01T10:00:00.000Z'),
    signer: KeyObject = privateKey,
    log = origin,
  ): CheckpointFile => ({
    note: signNote(formatCheckpoint({ origin: log, treeSize: n, rootHash: rootHash(tree, n), timestamp: at }), {
      name: keyName,
      privateKey: signer,
    }),
  });
  const inclusion = (index: number, n: number): InclusionProofFile => ({
    type: 'inclusion',
    leafIndex: index,
    treeSize: n,
    hashes: inclusionProof(tree, index, n).map((h) => h.toString('base64')),
  });
  const consistency = (m: number, n: number): ConsistencyProofFile => ({
    type: 'consistency',
    fromSize: m,
    toSize: n,
    hashes: consistencyProof(tree, m, n).map((h) => h.toString('base64')),
  });
  /** What `attest ledger export --from --to` writes against the checkpoint of size n, every fact unchanged. */
  const exported = (n: number, from = 0, to = n - 1): LedgerBundle => {
    const range = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    return {
      manifest: {
        format: BUNDLE_FORMAT,
        origin,
        from,
        to,
        treeSize: n,
        exportedAt: '2026-12-01T10:05:00.000Z',
        leaves: range.map((i) => ({ index: i, kind: 'decision', factId: `d-${i}`, currentFact: structuredClone(facts[i]) })),
      },
      checkpoint: checkpointAt(n),
      leaves: new Map(range.map((i) => [i, leaves[i]])),
      proofs: new Map(range.map((i) => [i, inclusion(i, n)])),
    };
  };
  return { origin, keyName, publicKey, privateKey, facts, leaves, tree, checkpointAt, inclusion, consistency, exported };
}

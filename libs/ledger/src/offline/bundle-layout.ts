import type { CheckpointFile, ConsistencyProofFile, InclusionProofFile } from './verify-bundle';

/**
 * The directory `attest ledger export` writes and `attest ledger verify --bundle` reads
 * (docs/ledger-export.md): one signed checkpoint, each leaf byte for byte with its inclusion proof,
 * and a manifest with each fact as the server recomputes it now, to compare with the sealed one.
 */
export const BUNDLE_FORMAT = 'attest-ledger-bundle/1';

export const BUNDLE_FILES = {
  manifest: 'bundle.json',
  checkpoint: 'checkpoint.json',
  since: 'since.json',
  consistency: 'proofs/consistency.json',
  leaf: (index: number) => `leaves/${index}.json`,
  proof: (index: number) => `proofs/${index}.json`,
};

export interface BundleManifestLeaf {
  index: number;
  kind: string;
  factId: string;
  /** The fact recomputed by the server from its row at export time; null when the row is gone. */
  currentFact: unknown;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  origin: string;
  /** The leaves exported, both inclusive. */
  from: number;
  to: number;
  /** The size of the checkpoint every proof is against. */
  treeSize: number;
  exportedAt: string;
  leaves: BundleManifestLeaf[];
  /** Leaves the server did not give, with its answer: they have no file, and the verifier fails on them. */
  missing?: { index: number; error: string }[];
  /** With a held checkpoint: its size, and the server's answer when it refused the consistency proof. */
  since?: { treeSize: number; error?: string };
}

/** A bundle directory's content in memory: what export writes and the verifier checks. */
export interface LedgerBundle {
  manifest: BundleManifest;
  checkpoint: CheckpointFile;
  /** The held checkpoint the export was asked to prove consistency from. */
  since?: CheckpointFile;
  leaves: Map<number, Buffer>;
  proofs: Map<number, InclusionProofFile>;
  consistency?: ConsistencyProofFile;
}

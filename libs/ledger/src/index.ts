export { EMPTY_ROOT_HASH, hashLeafPreimage, headOfLeafHashes, leafHash, leafPreimage, nodeHash } from './merkle/rfc6962';
export { consistencyProof, inclusionProof, rootHash, type TreeReader } from './merkle/proofs';
export { InMemoryTree } from './merkle/memory-tree';
export { verifyConsistency, verifyInclusion } from './merkle/verify';
export { formatCheckpoint, parseCheckpoint, type Checkpoint, type ParsedCheckpoint } from './checkpoint/checkpoint';
export {
  keyId,
  openNote,
  rawPublicKey,
  signatureNames,
  signNote,
  type NoteSigner,
  type NoteVerifier,
  type OpenedNote,
} from './checkpoint/signed-note';
export {
  BundleInputError,
  checkInclusion,
  openCheckpointFile,
  parseProofFile,
  verifyBundle,
  type CheckpointFile,
  type ConsistencyProofFile,
  type InclusionProofFile,
  type ProofFile,
  type VerifyOutcome,
  type VerifyRequest,
} from './offline/verify-bundle';
export { BUNDLE_FORMAT, type BundleManifest, type BundleManifestLeaf, type LedgerBundle } from './offline/bundle-layout';
export { readFileBytes, readJsonFile } from './offline/bundle-files';
export { readBundleDir } from './offline/read-bundle-dir';
export { writeBundleDir } from './offline/write-bundle-dir';
export { verifyBundleDir, type BundleOutcome, type BundleTrust } from './offline/verify-bundle-dir';
export { frontier, nodesCompletedBy, nodesRead, PerfectSubtreeReader, type NodeKey, type StoredNode } from './merkle/perfect-subtrees';
export { LedgerModule } from './ledger.module';
export { LedgerKeys } from './keys/ledger-keys';
export { LedgerSeals, type FactSeal } from './api/ledger-seals.service';
export { LedgerFactProofs, type FactProofs, type FactRef, type LedgerKeyReference, type ProvedFact } from './api/fact-proofs.service';
export { LedgerOpenings, OPENABLE_KINDS, type OpenableKind } from './openings/ledger-openings.service';
export {
  isOpenable,
  openingValue,
  SALTED_COMMITMENT,
  unopenedFields,
  verifyOpening,
  type FactOpenings,
  type Opening,
} from './openings/opening';
export { LEDGER_RESOLVERS } from './ledger.module';
export { Sequencer, type SequencedBatch } from './sequencer/sequencer.service';
export { SequencerRunner } from './sequencer/sequencer.runner';
export { CompactRange } from './merkle/compact-range';
export { leafBytes, leafHashOf, declaredIndex } from './leaves/leaf-format';
export { claimedCheckpoint, openCheckpoint } from './checkpoint/open-checkpoint';
export { overStoredTree } from './store/stored-tree';
export { LedgerVerificationSweeper } from './verification-jobs/ledger-verification.sweeper';
export { LedgerVerificationMetrics } from './verification-jobs/verification-metrics';

export { EMPTY_ROOT_HASH, hashLeafPreimage, headOfLeafHashes, leafHash, leafPreimage, nodeHash } from './merkle/rfc6962';
export { consistencyProof, inclusionProof, rootHash, type TreeReader } from './merkle/proofs';
export { InMemoryTree } from './merkle/memory-tree';
export { verifyConsistency, verifyInclusion } from './merkle/verify';
export { formatCheckpoint, parseCheckpoint, type Checkpoint, type ParsedCheckpoint } from './checkpoint/checkpoint';
export { keyId, openNote, rawPublicKey, signatureNames, signNote, type NoteSigner, type NoteVerifier, type OpenedNote } from './checkpoint/signed-note';
export { BundleInputError, parseProofFile, verifyBundle, type CheckpointFile, type ProofFile, type VerifyOutcome, type VerifyRequest } from './offline/verify-bundle';
export { nodesCompletedBy, nodesRead, PerfectSubtreeReader, type NodeKey, type StoredNode } from './merkle/perfect-subtrees';

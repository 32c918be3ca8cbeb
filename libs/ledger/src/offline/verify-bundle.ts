import type { KeyObject } from 'node:crypto';
import type { Checkpoint } from '../checkpoint/checkpoint';
import { openCheckpoint, type CheckpointTrust, type OpenedCheckpoint } from '../checkpoint/open-checkpoint';
import { declaredIndex } from '../leaves/leaf-format';
import { leafHash } from '../merkle/rfc6962';
import { verifyConsistency, verifyInclusion } from '../merkle/verify';

/**
 * Offline verification of what `attest ledger export` writes, with no database: a signed
 * checkpoint, and an inclusion proof of a leaf or a consistency proof from an older checkpoint.
 * The file formats are documented in docs/ledger.md ("Offline verification").
 */
export interface CheckpointFile {
  /** The signed note, exactly as signed. */
  note: string;
}

export type InclusionProofFile = { type: 'inclusion'; leafIndex: number; treeSize: number; hashes: string[] };
export type ConsistencyProofFile = { type: 'consistency'; fromSize: number; toSize: number; hashes: string[] };
export type ProofFile = InclusionProofFile | ConsistencyProofFile;

export interface VerifyRequest {
  checkpoint: CheckpointFile;
  publicKey: KeyObject;
  /** The key's name; default: the one on the checkpoint's signature line. */
  keyName?: string;
  /** The log the checkpoint must come from (a tenant's origin): another log's checkpoint fails. */
  origin?: string;
  proof?: ProofFile;
  /** With an inclusion proof: the leaf, byte for byte as exported (`{"index":…,"fact":…}`). */
  leaf?: Buffer;
  /** With a consistency proof: the older checkpoint. */
  fromCheckpoint?: CheckpointFile;
}

export type VerifyOutcome = { ok: true; checkpoint: Checkpoint; message: string } | { ok: false; reason: string };

/** Thrown for input that cannot be verified at all (a malformed file): exit code 2, not a failed proof. */
export class BundleInputError extends Error {}

export function verifyBundle(request: VerifyRequest): VerifyOutcome {
  const head = openCheckpointFile(request.checkpoint, request, 'checkpoint');
  if (!head.ok) return head;
  const { checkpoint } = head;
  if (!request.proof) {
    return {
      ok: true,
      checkpoint,
      message: `the checkpoint of ${checkpoint.origin} at size ${checkpoint.treeSize} is signed by ${head.keyName}`,
    };
  }
  if (request.proof.type === 'inclusion') {
    if (request.leaf === undefined) throw new BundleInputError('an inclusion proof needs the leaf (--leaf)');
    const included = checkInclusion(checkpoint, request.proof, request.leaf);
    if (!included.ok) return included;
    const { leafIndex, treeSize } = request.proof;
    return {
      ok: true,
      checkpoint,
      message: `leaf ${leafIndex} is in the tree of ${treeSize} leaves of ${checkpoint.origin}, signed by ${head.keyName} at ${checkpoint.timestamp.toISOString()}`,
    };
  }
  if (!request.fromCheckpoint) throw new BundleInputError('a consistency proof needs the older checkpoint (--from-checkpoint)');
  const older = openCheckpointFile(request.fromCheckpoint, request, 'older checkpoint');
  if (!older.ok) return older;
  const extended = checkConsistency(older.checkpoint, checkpoint, request.proof);
  if (!extended.ok) return extended;
  const { fromSize, toSize } = request.proof;
  return {
    ok: true,
    checkpoint,
    message: `the tree of ${toSize} leaves of ${checkpoint.origin} extends the tree of ${fromSize}, both signed by ${head.keyName}`,
  };
}

export type Check = { ok: true } | { ok: false; reason: string };

/** That the leaf is the one at the proof's index in the checkpoint's tree (the checkpoint already opened). */
export function checkInclusion(checkpoint: Checkpoint, proof: InclusionProofFile, leaf: Buffer): Check {
  const { leafIndex, treeSize } = proof;
  const hashes = decodeHashes(proof.hashes);
  if (treeSize !== checkpoint.treeSize)
    return { ok: false, reason: `the proof is for a tree of ${treeSize} leaves, the checkpoint for ${checkpoint.treeSize}` };
  const declared = declaredIndex(leaf);
  if (declared === null) throw new BundleInputError('the leaf is not a ledger leaf: JSON with "index" and "fact"');
  if (declared !== leafIndex) return { ok: false, reason: `the leaf says it is leaf ${declared}, the proof is for leaf ${leafIndex}` };
  const hash = leafHash(leaf);
  if (!verifyInclusion(hash, leafIndex, treeSize, hashes, checkpoint.rootHash)) {
    return {
      ok: false,
      reason: `leaf ${leafIndex} (hash ${hash.toString('hex').slice(0, 16)}…) is not in the tree of the checkpoint: the leaf, the proof or the checkpoint was changed`,
    };
  }
  return { ok: true };
}

/** That the newer checkpoint's tree extends the older one's (both already opened). */
export function checkConsistency(older: Checkpoint, newer: Checkpoint, proof: ConsistencyProofFile): Check {
  const { fromSize, toSize } = proof;
  const hashes = decodeHashes(proof.hashes);
  if (fromSize !== older.treeSize || toSize !== newer.treeSize) {
    return {
      ok: false,
      reason: `the proof is from ${fromSize} to ${toSize} leaves, the checkpoints are at ${older.treeSize} and ${newer.treeSize}`,
    };
  }
  if (older.origin !== newer.origin) return { ok: false, reason: `the checkpoints are of two logs: ${older.origin} and ${newer.origin}` };
  if (!verifyConsistency(fromSize, toSize, older.rootHash, newer.rootHash, hashes)) {
    return {
      ok: false,
      reason: `the tree of ${toSize} leaves does not extend the tree of ${fromSize}: history was rewritten, or a checkpoint or the proof was changed`,
    };
  }
  return { ok: true };
}

export function openCheckpointFile(file: CheckpointFile, trust: CheckpointTrust, what: string): OpenedCheckpoint {
  if (typeof file?.note !== 'string') throw new BundleInputError(`the ${what} file has no "note" string`);
  return openCheckpoint(file.note, trust, what);
}

/** A proof file as read from JSON, checked field by field. */
export function parseProofFile(json: unknown): ProofFile {
  const p = json as Record<string, unknown> | null;
  const int = (name: string) => {
    if (!Number.isSafeInteger(p?.[name]) || (p![name] as number) < 0)
      throw new BundleInputError(`the proof file's "${name}" must be a non-negative integer`);
    return p![name] as number;
  };
  if (p?.type === 'inclusion')
    return { type: 'inclusion', leafIndex: int('leafIndex'), treeSize: int('treeSize'), hashes: p.hashes as string[] };
  if (p?.type === 'consistency')
    return { type: 'consistency', fromSize: int('fromSize'), toSize: int('toSize'), hashes: p.hashes as string[] };
  throw new BundleInputError('the proof file\'s "type" must be "inclusion" or "consistency"');
}

function decodeHashes(hashes: unknown): Buffer[] {
  if (!Array.isArray(hashes)) throw new BundleInputError('the proof file has no "hashes" list');
  return hashes.map((h, i) => {
    const b = typeof h === 'string' ? Buffer.from(h, 'base64') : Buffer.alloc(0);
    if (b.length !== 32 || b.toString('base64') !== h) throw new BundleInputError(`the proof's hashes[${i}] is not 32 bytes of base64`);
    return b;
  });
}

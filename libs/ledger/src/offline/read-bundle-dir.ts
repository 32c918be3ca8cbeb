import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFileBytes, readJsonFile } from './bundle-files';
import { BUNDLE_FILES, BUNDLE_FORMAT, type BundleManifest, type LedgerBundle } from './bundle-layout';
import { BundleInputError, parseProofFile, type CheckpointFile, type ConsistencyProofFile, type InclusionProofFile } from './verify-bundle';

/**
 * Reads a bundle directory into memory. A file missing for a leaf is left out, for the verifier to
 * name at its index; a malformed file (or a bundle without manifest or checkpoint) is unreadable input.
 */
export function readBundleDir(dir: string): LedgerBundle {
  const path = (name: string) => join(dir, name);
  const optional = <T>(name: string, read: (p: string) => T): T | undefined => (existsSync(path(name)) ? read(path(name)) : undefined);
  const manifest = parseManifest(readJsonFile(path(BUNDLE_FILES.manifest)), path(BUNDLE_FILES.manifest));
  const leaves = new Map<number, Buffer>();
  const proofs = new Map<number, InclusionProofFile>();
  for (let i = manifest.from; i <= manifest.to; i++) {
    const leaf = optional(BUNDLE_FILES.leaf(i), readFileBytes);
    if (leaf) leaves.set(i, leaf);
    const proof = optional(BUNDLE_FILES.proof(i), (p) => proofOfType(readJsonFile(p), 'inclusion', p));
    if (proof) proofs.set(i, proof);
  }
  return {
    manifest,
    checkpoint: readJsonFile(path(BUNDLE_FILES.checkpoint)) as CheckpointFile,
    since: optional(BUNDLE_FILES.since, readJsonFile) as CheckpointFile | undefined,
    leaves,
    proofs,
    consistency: optional(BUNDLE_FILES.consistency, (p) => proofOfType(readJsonFile(p), 'consistency', p)),
  };
}

function proofOfType<T extends 'inclusion' | 'consistency'>(json: unknown, type: T, path: string) {
  const proof = withPath(path, () => parseProofFile(json));
  if (proof.type !== type) throw new BundleInputError(`${path}: not an ${type} proof`);
  return proof as T extends 'inclusion' ? InclusionProofFile : ConsistencyProofFile;
}

/** The manifest checked field by field: its ranges drive which files are read. */
function parseManifest(json: unknown, path: string): BundleManifest {
  const m = json as Partial<BundleManifest> | null;
  const fail = (what: string) => new BundleInputError(`${path}: ${what}`);
  if (m?.format !== BUNDLE_FORMAT) throw fail(`"format" must be "${BUNDLE_FORMAT}"`);
  for (const name of ['from', 'to', 'treeSize'] as const) {
    if (!Number.isSafeInteger(m[name]) || m[name]! < 0) throw fail(`"${name}" must be a non-negative integer`);
  }
  if (m.from! > m.to!) throw fail('"from" is after "to"');
  if (typeof m.origin !== 'string') throw fail('"origin" must be a string');
  if (!Array.isArray(m.leaves) || !m.leaves.every((l) => Number.isSafeInteger(l?.index)))
    throw fail('"leaves" must be a list of { index, kind, factId, currentFact }');
  if (m.since !== undefined && !Number.isSafeInteger(m.since?.treeSize)) throw fail('"since.treeSize" must be an integer');
  return m as BundleManifest;
}

function withPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof BundleInputError) throw new BundleInputError(`${path}: ${error.message}`);
    throw error;
  }
}

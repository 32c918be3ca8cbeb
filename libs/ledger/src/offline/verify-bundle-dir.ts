import { canonicalJson } from '@attest/core';
import type { Checkpoint } from '../checkpoint/checkpoint';
import type { CheckpointTrust } from '../checkpoint/open-checkpoint';
import { parseLeaf } from '../leaves/leaf-format';
import type { BundleManifestLeaf, LedgerBundle } from './bundle-layout';
import { checkConsistency, checkInclusion, openCheckpointFile, type Check, type CheckpointFile } from './verify-bundle';

export interface BundleTrust extends CheckpointTrust {
  /** A checkpoint the auditor kept: it wins over the bundle's own since.json. */
  held?: CheckpointFile;
}

/** `index` names the first bad leaf; checkpoint-level failures have none. */
export type BundleOutcome = { ok: true; message: string } | { ok: false; reason: string; index?: number };

/**
 * Verifies an exported bundle with nothing but the log's key: the checkpoint, then every leaf from
 * `from` to `to` in index order (present, at its own index, in the tree, its fact as the server
 * recomputes it now), then that the tree extends the held checkpoint. Stops at the first failure.
 */
export function verifyBundleDir(bundle: LedgerBundle, trust: BundleTrust): BundleOutcome {
  const head = openCheckpointFile(bundle.checkpoint, trust, 'checkpoint');
  if (!head.ok) return head;
  const { checkpoint } = head;
  const heldFile = trust.held ?? bundle.since;
  const held = heldFile && openCheckpointFile(heldFile, trust, 'held checkpoint');
  if (held && !held.ok) return held;
  const covered = checkCoverage(bundle, checkpoint);
  if (!covered.ok) return covered;
  const current = new Map(bundle.manifest.leaves.map((leaf) => [leaf.index, leaf]));
  const { from, to } = bundle.manifest;
  for (let index = from; index <= to; index++) {
    const leaf = checkLeaf(bundle, checkpoint, index, current.get(index));
    if (!leaf.ok) return { ...leaf, index };
  }
  const summary = `leaves ${from} to ${to} of ${checkpoint.origin} are in the tree of ${checkpoint.treeSize} leaves signed by ${head.keyName} at ${checkpoint.timestamp.toISOString()}, each fact unchanged`;
  if (!held) return { ok: true, message: summary };
  const extended = checkHeld(bundle, held.checkpoint, checkpoint);
  if (!extended.ok) return extended;
  return { ok: true, message: `${summary}; the tree extends the held checkpoint of ${held.checkpoint.treeSize} leaves` };
}

/** The manifest describes this checkpoint, and the checkpoint's tree holds every leaf it names. */
function checkCoverage({ manifest }: LedgerBundle, checkpoint: Checkpoint): Check {
  if (manifest.origin !== checkpoint.origin)
    return { ok: false, reason: `the bundle says it is of the log ${manifest.origin}, its checkpoint is of ${checkpoint.origin}` };
  if (manifest.treeSize !== checkpoint.treeSize)
    return { ok: false, reason: `the bundle says its tree has ${manifest.treeSize} leaves, its checkpoint ${checkpoint.treeSize}` };
  if (manifest.to >= checkpoint.treeSize)
    return { ok: false, reason: `the checkpoint of ${checkpoint.treeSize} leaves does not cover leaf ${manifest.to}` };
  return { ok: true };
}

function checkLeaf(bundle: LedgerBundle, checkpoint: Checkpoint, index: number, current: BundleManifestLeaf | undefined): Check {
  const bytes = bundle.leaves.get(index);
  const proof = bundle.proofs.get(index);
  if (!bytes || !proof) return { ok: false, reason: `leaf ${index} is missing${serverAnswer(bundle, index)}` };
  const leaf = parseLeaf(bytes);
  if (!leaf) return { ok: false, reason: `the file of leaf ${index} is not a ledger leaf ({"index":…,"fact":…})` };
  if (leaf.index !== index) return { ok: false, reason: `the file of leaf ${index} holds leaf ${leaf.index}: a leaf was moved` };
  const included = checkInclusion(checkpoint, proof, bytes);
  if (!included.ok) return included;
  if (!current) return { ok: false, reason: `the bundle's manifest has no current fact for leaf ${index}` };
  const what = ` (${current.kind} ${current.factId})`;
  if (current.currentFact === null) return { ok: false, reason: `the fact of leaf ${index} no longer exists${what}` };
  // Compared canonically: the server's JSON of the fact now need not keep the sealed text's key order.
  if (canonicalJson(current.currentFact) !== canonicalJson(leaf.fact))
    return { ok: false, reason: `the fact of leaf ${index} was changed after it was sealed${what}` };
  return { ok: true };
}

/** The checkpoint's tree extends the held one, or the held one is beyond it: the log was cut back. */
function checkHeld(bundle: LedgerBundle, held: Checkpoint, checkpoint: Checkpoint): Check & { index?: number } {
  const size = checkpoint.treeSize;
  if (held.treeSize > size) {
    return {
      ok: false,
      index: size,
      reason: `the log was cut back below the checkpoint you hold: leaves from ${size} on are gone (you hold ${held.treeSize} leaves)`,
    };
  }
  if (!bundle.consistency) {
    const refused = bundle.manifest.since?.error;
    return {
      ok: false,
      reason: `the bundle has no consistency proof from the held checkpoint of ${held.treeSize} leaves${refused ? `: the server refused it: ${refused}` : ''}`,
    };
  }
  return checkConsistency(held, checkpoint, bundle.consistency);
}

function serverAnswer({ manifest }: LedgerBundle, index: number): string {
  const answer = manifest.missing?.find((m) => m.index === index)?.error;
  return answer ? ` (the server answered: ${answer})` : '';
}

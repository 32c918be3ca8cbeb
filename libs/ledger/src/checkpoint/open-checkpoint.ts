import type { KeyObject } from 'node:crypto';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import { openNote, signatureNames, unverifiedText } from './signed-note';

export interface CheckpointTrust {
  publicKey: KeyObject;
  /** The key's name; default: the names on the note's signature lines. */
  keyName?: string;
  /** The log the checkpoint must come from (a tenant's origin): another log's checkpoint fails. */
  origin?: string;
}

export type OpenedCheckpoint = { ok: true; checkpoint: Checkpoint; keyName: string } | { ok: false; reason: string };

/** A checkpoint note's signature checked with the log's key, then its text parsed and its origin checked. */
export function openCheckpoint(note: string, trust: CheckpointTrust, what = 'checkpoint'): OpenedCheckpoint {
  const names = trust.keyName ? [trust.keyName] : signatureNames(note);
  if (names.length === 0) return { ok: false, reason: `the ${what} carries no signature` };
  let failure = `the ${what} has no signature by this key`;
  for (const name of names) {
    const opened = openNote(note, { name, publicKey: trust.publicKey });
    if (!opened.ok) {
      failure = `the ${what}'s signature: ${opened.reason}`;
      continue;
    }
    const parsed = parseCheckpoint(opened.text);
    if (!parsed.ok) return { ok: false, reason: `the ${what}: ${parsed.reason}` };
    if (trust.origin && parsed.checkpoint.origin !== trust.origin) {
      return { ok: false, reason: `the ${what} is of the log ${parsed.checkpoint.origin}, not ${trust.origin}` };
    }
    return { ok: true, checkpoint: parsed.checkpoint, keyName: name };
  }
  return { ok: false, reason: failure };
}

/**
 * What a checkpoint note claims, its signature unchecked: the exporter reads the size of a held
 * checkpoint from it to ask for a consistency proof; the verifier is the one that trusts nothing.
 */
export function claimedCheckpoint(note: string): Checkpoint | null {
  const text = unverifiedText(note);
  const parsed = text === null ? null : parseCheckpoint(text);
  return parsed?.ok ? parsed.checkpoint : null;
}

import { concat, equalBytes, fromBase64, sha256, toHex, utf8Bytes } from './bytes';

/**
 * Signed notes (c2sp.org/signed-note) and tlog checkpoints, checked with WebCrypto Ed25519. The key
 * is the log's published verifier key, `<name>+<key id hex>+<base64(0x01 ‖ 32-byte key)>` as Go's
 * sumdb/note writes it; its key id is recomputed, never taken on trust.
 */
const SIGNATURE_PREFIX = '\u2014 ';
const ED25519 = 0x01;

export interface VerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function parseVerifierKey(text: string): Promise<Checked<VerifierKey>> {
  // The key itself is base64, which may hold "+": only the first two separate the fields.
  const [, name, idHex, encoded] = /^([^+]*)\+([^+]*)\+(.*)$/.exec(text) ?? [];
  const blob = encoded === undefined ? null : fromBase64(encoded);
  if (!name || !/^[0-9a-f]{8}$/.test(idHex ?? '') || !blob || blob.length !== 33 || blob[0] !== ED25519) {
    return { ok: false, reason: 'the published key is not an Ed25519 verifier key (name+id+key)' };
  }
  const publicKey = blob.subarray(1);
  const keyId = await keyIdOf(name, publicKey);
  if (toHex(keyId) !== idHex) return { ok: false, reason: `the published key's id ${idHex} is not the id of its key (${toHex(keyId)})` };
  return { ok: true, value: { name, keyId, publicKey } };
}

export async function keyIdOf(name: string, publicKey: Uint8Array): Promise<Uint8Array> {
  return (await sha256(utf8Bytes(`${name}\n`), Uint8Array.of(ED25519), publicKey)).subarray(0, 4);
}

/** The note's signed text when a signature line by this key verifies over it. */
export async function openNote(note: string, key: VerifierKey): Promise<Checked<string>> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'not a signed note' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return { ok: false, reason: 'a signature line is malformed' };
    const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const blob = encoded && rest.length === 0 ? fromBase64(encoded) : null;
    if (!blob) return { ok: false, reason: 'a signature line is malformed' };
    if (name !== key.name || blob.length !== 68 || !equalBytes(blob.subarray(0, 4), key.keyId)) continue;
    const publicKey = await crypto.subtle.importKey('raw', concat(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const valid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, concat(blob.subarray(4)), concat(utf8Bytes(text)));
    return valid ? { ok: true, value: text } : { ok: false, reason: `the signature by ${name} does not verify over the checkpoint` };
  }
  return { ok: false, reason: `no signature by the published key ${key.name} (${toHex(key.keyId)})` };
}

export interface CheckpointText {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  timestamp: string;
}

/** Exactly the four lines the server signs; anything else is refused with the line at fault. */
export function parseCheckpointText(text: string): Checked<CheckpointText> {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : [];
  if (lines.length !== 4) return { ok: false, reason: 'a checkpoint has 4 lines' };
  const [origin, size, root, stamp] = lines;
  const rootHash = fromBase64(root);
  if (!/^[\x21-\x7e]+$/.test(origin)) return { ok: false, reason: 'line 1: not an origin' };
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return { ok: false, reason: 'line 2: not a tree size' };
  if (!rootHash || rootHash.length !== 32) return { ok: false, reason: 'line 3: not a 32-byte root hash' };
  if (!/^timestamp \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(stamp)) return { ok: false, reason: 'line 4: not a timestamp' };
  return { ok: true, value: { origin, treeSize: Number(size), rootHash, timestamp: stamp.slice('timestamp '.length) } };
}

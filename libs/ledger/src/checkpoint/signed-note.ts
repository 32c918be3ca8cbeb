import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed notes as C2SP specifies them (c2sp.org/signed-note, the format of Go's sumdb and of
 * transparency-log checkpoints): a UTF-8 text ending in a newline, a blank line, then one line per
 * signature, `— <key name> <base64(key id ‖ signature)>`. The key id (4 bytes) is the start of
 * SHA-256(<key name> ‖ "\n" ‖ 0x01 ‖ <32-byte Ed25519 public key>), so a signature names its key
 * and a verifier cannot be shown one key's signature as another's.
 */
const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_ALG = 0x01;
const KEY_NAME = /^[^\s+]+$/;

export interface NoteSigner {
  name: string;
  privateKey: KeyObject;
}

export interface NoteVerifier {
  name: string;
  publicKey: KeyObject;
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('signed note: the key is not an Ed25519 key');
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function keyId(name: string, publicKey: KeyObject): Buffer {
  assertKeyName(name);
  return createHash('sha256').update(`${name}\n`).update(Buffer.of(ED25519_ALG)).update(rawPublicKey(publicKey)).digest().subarray(0, 4);
}

export function signNote(text: string, signer: NoteSigner): string {
  assertText(text);
  const publicKey = createPublicKey(signer.privateKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([keyId(signer.name, publicKey), signature]).toString('base64')}\n`;
}

export type OpenedNote = { ok: true; text: string } | { ok: false; reason: string };

/** The note's text, if a signature line by this key verifies over it; otherwise why not. */
export function openNote(note: string, verifier: NoteVerifier): OpenedNote {
  const parts = splitNote(note);
  if (!parts || !note.endsWith('\n'))
    return { ok: false, reason: 'not a signed note (no blank line before the signatures, or no final newline)' };
  const { text, lines } = parts;
  const id = keyId(verifier.name, verifier.publicKey);
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return { ok: false, reason: `malformed signature line "${line.slice(0, 40)}"` };
    const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (rest.length > 0 || !encoded) return { ok: false, reason: `malformed signature line "${line.slice(0, 40)}"` };
    const blob = Buffer.from(encoded, 'base64');
    if (name !== verifier.name || blob.length !== 68 || !blob.subarray(0, 4).equals(id)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, blob.subarray(4))) return { ok: true, text };
    return { ok: false, reason: `the signature by ${name} does not verify: the note was changed, or signed by another key` };
  }
  return { ok: false, reason: `no signature by the key ${verifier.name} (${id.toString('hex')})` };
}

/** The key names on a note's signature lines (to pick the verifier's name when only its key is known). */
export function signatureNames(note: string): string[] {
  return (splitNote(note)?.lines ?? [])
    .filter((line) => line.startsWith(SIGNATURE_PREFIX))
    .map((line) => line.slice(SIGNATURE_PREFIX.length).split(' ')[0]);
}

/** The text a note claims, with no signature checked: only to read what it says (e.g. the size to ask a proof for). */
export function unverifiedText(note: string): string | null {
  return splitNote(note)?.text ?? null;
}

/** The signed text (ending in its newline) and the signature lines after the blank line. */
function splitNote(note: string): { text: string; lines: string[] } | null {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return null;
  return {
    text: note.slice(0, split + 1),
    lines: note
      .slice(split + 2)
      .replace(/\n$/, '')
      .split('\n'),
  };
}

function assertKeyName(name: string): void {
  if (!KEY_NAME.test(name)) throw new Error(`signed note: key name "${name}" must be non-empty, without spaces or "+"`);
}

function assertText(text: string): void {
  if (!text.endsWith('\n') || text.includes('\n\n')) throw new Error('signed note: the text must end in a newline and hold no blank line');
}

import fc from 'fast-check';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { keyId, openNote, signNote } from './signed-note';

const pair = () => generateKeyPairSync('ed25519');
/** An Ed25519 public key from its 32 raw bytes (SPKI DER: a fixed 12-byte prefix, then the key). */
const fromRaw = (raw: Buffer) =>
  createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });

describe('signed notes (c2sp.org/signed-note)', () => {
  it("computes the key id as the Go reference does (golang.org/x/mod/sumdb/note's example verifier key)", () => {
    // "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW": name, key id, 0x01 ‖ public key.
    const encoded = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64');
    expect(encoded[0]).toBe(0x01);
    expect(keyId('PeterNeumann', fromRaw(encoded.subarray(1))).toString('hex')).toBe('c74f20a3');
  });

  it('opens what it signed, only with the same key and name, and refuses any change', () => {
    const { privateKey, publicKey } = pair();
    const text = 'attest.test/tenant-a\n3\nAAAA\n';
    const note = signNote(text, { name: 'attest.test', privateKey });
    expect(note).toMatch(/^attest\.test\/tenant-a\n3\nAAAA\n\n\u2014 attest\.test [A-Za-z0-9+/]+=*\n$/);
    expect(openNote(note, { name: 'attest.test', publicKey })).toEqual({ ok: true, text });

    expect(openNote(note.replace('\n3\n', '\n4\n'), { name: 'attest.test', publicKey })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not verify'),
    });
    expect(openNote(note, { name: 'attest.test', publicKey: pair().publicKey })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no signature'),
    });
    expect(openNote(note, { name: 'someone.else', publicKey })).toMatchObject({ ok: false });
    const sig = note.slice(note.lastIndexOf(' ') + 1, -1);
    const flipped = Buffer.from(sig, 'base64');
    flipped[10] ^= 1;
    expect(openNote(note.replace(sig, flipped.toString('base64')), { name: 'attest.test', publicKey }).ok).toBe(false);
    expect(openNote(text, { name: 'attest.test', publicKey }).ok).toBe(false);
  });

  it('refuses a checkpoint note with any single bit of its text or its signature flipped (property)', () => {
    const { privateKey, publicKey } = pair();
    const text = formatCheckpoint({
      origin: 'attest.test/tenant-a',
      treeSize: 42,
      rootHash: Buffer.alloc(32, 7),
      timestamp: new Date('2026-12-01T10:00:00.000Z'),
    });
    const note = signNote(text, { name: 'attest.test', privateKey });
    const sig = note.slice(note.lastIndexOf(' ') + 1, -1);
    const blob = Buffer.from(sig, 'base64');
    fc.assert(
      fc.property(fc.nat({ max: blob.length * 8 - 1 }), fc.nat({ max: (text.length - 1) * 8 - 1 }), (sigBit, textBit) => {
        const flipped = Buffer.from(blob);
        flipped[sigBit >> 3] ^= 1 << (sigBit & 7);
        expect(openNote(note.replace(sig, flipped.toString('base64')), { name: 'attest.test', publicKey }).ok).toBe(false);
        const bytes = Buffer.from(text);
        bytes[textBit >> 3] ^= 1 << (textBit & 7);
        const edited = bytes.toString('latin1');
        if (edited !== text) expect(openNote(edited + note.slice(text.length), { name: 'attest.test', publicKey }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses texts a note cannot carry and key names with spaces', () => {
    const { privateKey } = pair();
    expect(() => signNote('no final newline', { name: 'k', privateKey })).toThrow(/newline/);
    expect(() => signNote('a\n\nb\n', { name: 'k', privateKey })).toThrow(/blank line/);
    expect(() => signNote('a\n', { name: 'bad name', privateKey })).toThrow(/key name/);
  });
});

describe('checkpoints (c2sp.org/tlog-checkpoint, with a timestamp line)', () => {
  const checkpoint = {
    origin: 'attest.test/9a26acbd-6055-4c0d-b110-0364269517dc',
    treeSize: 42,
    rootHash: Buffer.alloc(32, 7),
    timestamp: new Date('2026-12-01T10:16:15.123Z'),
  };

  it('writes the documented text and reads it back exactly', () => {
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(
      `attest.test/9a26acbd-6055-4c0d-b110-0364269517dc\n42\n${Buffer.alloc(32, 7).toString('base64')}\ntimestamp 2026-12-01T10:16:15.123Z\n`,
    );
    expect(parseCheckpoint(text)).toEqual({ ok: true, checkpoint });
  });

  it('refuses anything else, naming the line', () => {
    const text = formatCheckpoint(checkpoint);
    expect(parseCheckpoint(text.replace('\n42\n', '\n042\n'))).toMatchObject({ ok: false, reason: expect.stringContaining('line 2') });
    expect(parseCheckpoint(text.replace('timestamp', 'time'))).toMatchObject({ ok: false, reason: expect.stringContaining('line 4') });
    expect(parseCheckpoint(text.slice(0, -1))).toMatchObject({ ok: false });
    expect(parseCheckpoint(`${text}extra\n`)).toMatchObject({ ok: false });
    expect(() => formatCheckpoint({ ...checkpoint, rootHash: Buffer.alloc(31) })).toThrow(/32 bytes/);
  });
});

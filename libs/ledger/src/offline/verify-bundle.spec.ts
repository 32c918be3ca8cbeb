import { generateKeyPairSync } from 'node:crypto';
import { bundleFixture } from '../testing/bundle-fixture';
import { BundleInputError, parseProofFile, verifyBundle } from './verify-bundle';

describe('offline verification of a bundle', () => {
  const f = bundleFixture();
  const base = { publicKey: f.publicKey, origin: f.origin };

  it('verifies a checkpoint, a leaf in it, and that it extends an older one', () => {
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12) })).toMatchObject({
      ok: true,
      message: expect.stringContaining('signed by attest.test'),
    });
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 12), leaf: f.leaves[3] })).toMatchObject({
      ok: true,
      message:
        'leaf 3 is in the tree of 12 leaves of attest.test/9a26acbd-6055-4c0d-b110-0364269517dc, signed by attest.test at 2026-12-01T10:00:00.000Z',
    });
    expect(
      verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.consistency(5, 12), fromCheckpoint: f.checkpointAt(5) }),
    ).toMatchObject({ ok: true });
  });

  it("fails an edited leaf, an edited proof, an edited checkpoint, another key, or another tenant's checkpoint", () => {
    const leaf = Buffer.from(f.leaves[3].toString('utf8').replace('"blocked"', '"recorded"'));
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 12), leaf })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not in the tree'),
    });
    // The same fact re-indented: another leaf (its bytes are what is hashed, exactly as exported).
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(f.leaves[3].toString('utf8')), null, 2));
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 12), leaf: reformatted }).ok).toBe(false);
    // A leaf moved to another position: its bytes name the position it was sealed at.
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(4, 12), leaf: f.leaves[3] })).toMatchObject({
      ok: false,
      reason: 'the leaf says it is leaf 3, the proof is for leaf 4',
    });
    const proof = f.inclusion(3, 12);
    const flipped = Buffer.from(proof.hashes[1], 'base64');
    flipped[0] ^= 0x80;
    proof.hashes[1] = flipped.toString('base64');
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof, leaf: f.leaves[3] }).ok).toBe(false);
    const edited = { note: f.checkpointAt(12).note.replace('\n12\n', '\n13\n') };
    expect(verifyBundle({ ...base, checkpoint: edited })).toMatchObject({ ok: false, reason: expect.stringContaining('does not verify') });
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12, undefined, generateKeyPairSync('ed25519').privateKey) }).ok).toBe(false);
    const otherTenant = f.checkpointAt(12, undefined, undefined, 'attest.test/00000000-0000-4000-8000-000000000000');
    expect(verifyBundle({ ...base, checkpoint: otherTenant })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is of the log attest.test/00000000'),
    });
  });

  it('fails a proof for another size, and checkpoints of two logs or in the wrong order', () => {
    expect(verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 11), leaf: f.leaves[3] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('11 leaves'),
    });
    expect(
      verifyBundle({ ...base, checkpoint: f.checkpointAt(5), proof: f.consistency(5, 12), fromCheckpoint: f.checkpointAt(12) }).ok,
    ).toBe(false);
    const { origin: _ignored, ...anyLog } = base;
    const otherLog = f.checkpointAt(5, undefined, undefined, 'attest.test/other');
    expect(
      verifyBundle({ ...anyLog, checkpoint: f.checkpointAt(12), proof: f.consistency(5, 12), fromCheckpoint: otherLog }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('two logs') });
  });

  it('tells unreadable input apart from a failed proof', () => {
    expect(() => parseProofFile({ type: 'inclusion', leafIndex: -1, treeSize: 3, hashes: [] })).toThrow(BundleInputError);
    expect(() => parseProofFile({ type: 'other' })).toThrow(BundleInputError);
    expect(() =>
      verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: { ...f.inclusion(3, 12), hashes: ['AAAA'] }, leaf: f.leaves[3] }),
    ).toThrow(BundleInputError);
    expect(() => verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 12) })).toThrow(/needs the leaf/);
    expect(() =>
      verifyBundle({ ...base, checkpoint: f.checkpointAt(12), proof: f.inclusion(3, 12), leaf: Buffer.from('{"fact":{}}') }),
    ).toThrow(/not a ledger leaf/);
    expect(() => verifyBundle({ ...base, checkpoint: {} as never })).toThrow(/no "note"/);
  });
});

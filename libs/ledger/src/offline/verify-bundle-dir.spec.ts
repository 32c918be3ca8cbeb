import { generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint } from '../checkpoint/checkpoint';
import { signNote } from '../checkpoint/signed-note';
import { leafBytes } from '../leaves/leaf-format';
import { rootHash } from '../merkle/proofs';
import { bundleFixture } from '../testing/bundle-fixture';
import { BundleInputError } from './verify-bundle';
import { verifyBundleDir } from './verify-bundle-dir';

describe('offline verification of an exported bundle', () => {
  const f = bundleFixture();
  const trust = { publicKey: f.publicKey, origin: f.origin };

  it('verifies every leaf of the range against the checkpoint, and their facts against the rows now', () => {
    expect(verifyBundleDir(f.exported(12, 2, 9), trust)).toEqual({
      ok: true,
      message: `leaves 2 to 9 of ${f.origin} are in the tree of 12 leaves signed by attest.test at 2026-12-01T10:00:00.000Z, each fact unchanged`,
    });
    expect(verifyBundleDir(f.exported(1), trust)).toMatchObject({ ok: true });
  });

  it("names a missing leaf or proof at its index, with the server's answer when it gave one", () => {
    const bundle = f.exported(12);
    bundle.leaves.delete(4);
    bundle.leaves.delete(7);
    expect(verifyBundleDir(bundle, trust)).toEqual({ ok: false, index: 4, reason: 'leaf 4 is missing' });
    const noProof = f.exported(12);
    noProof.proofs.delete(5);
    noProof.manifest.missing = [{ index: 5, error: 'LedgerEntry 5 not found' }];
    expect(verifyBundleDir(noProof, trust)).toEqual({
      ok: false,
      index: 5,
      reason: 'leaf 5 is missing (the server answered: LedgerEntry 5 not found)',
    });
  });

  it('fails an edited leaf, a leaf moved to another index, and a file that is no leaf', () => {
    const edited = f.exported(12);
    edited.leaves.set(6, Buffer.from(f.leaves[6].toString('utf8').replace('"blocked"', '"recorded"')));
    expect(verifyBundleDir(edited, trust)).toMatchObject({ ok: false, index: 6, reason: expect.stringContaining('leaf 6 (hash') });

    // Leaf 3's bytes and proof put at index 8: the bytes name the index they were sealed at.
    const moved = f.exported(12);
    moved.leaves.set(8, f.leaves[3]);
    moved.proofs.set(8, f.inclusion(3, 12));
    expect(verifyBundleDir(moved, trust)).toEqual({ ok: false, index: 8, reason: 'the file of leaf 8 holds leaf 3: a leaf was moved' });
    // Re-indexed to pass as leaf 8: its hash is no longer the one the tree holds at 8.
    const reindexed = f.exported(12);
    reindexed.leaves.set(8, leafBytes(8, JSON.stringify(f.facts[3])));
    expect(verifyBundleDir(reindexed, trust)).toMatchObject({ ok: false, index: 8, reason: expect.stringContaining('is not in the tree') });

    const garbage = f.exported(12);
    garbage.leaves.set(2, Buffer.from('not json'));
    expect(verifyBundleDir(garbage, trust)).toMatchObject({ ok: false, index: 2, reason: expect.stringContaining('is not a ledger leaf') });
  });

  it('fails a fact changed after it was sealed, or gone, comparing canonically', () => {
    const reordered = f.exported(12);
    reordered.manifest.leaves[5].currentFact = { status: 'recorded', id: 'd-5', kind: 'decision' };
    expect(verifyBundleDir(reordered, trust)).toMatchObject({ ok: true });

    const changed = f.exported(12);
    changed.manifest.leaves[5].currentFact = { ...f.facts[5], status: 'approved' };
    changed.manifest.leaves[9].currentFact = null;
    expect(verifyBundleDir(changed, trust)).toEqual({
      ok: false,
      index: 5,
      reason: 'the fact of leaf 5 was changed after it was sealed (decision d-5)',
    });
    changed.manifest.leaves[5].currentFact = f.facts[5];
    expect(verifyBundleDir(changed, trust)).toEqual({ ok: false, index: 9, reason: 'the fact of leaf 9 no longer exists (decision d-9)' });

    const unnamed = f.exported(12);
    unnamed.manifest.leaves.splice(3, 1);
    expect(verifyBundleDir(unnamed, trust)).toMatchObject({ ok: false, index: 3, reason: expect.stringContaining('no current fact') });
  });

  it("fails another log's, another key's or an edited checkpoint without an index, and a manifest that does not match it", () => {
    expect(verifyBundleDir(f.exported(12), { ...trust, origin: 'attest.test/00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      reason: `the checkpoint is of the log ${f.origin}, not attest.test/00000000-0000-4000-8000-000000000000`,
    });
    expect(verifyBundleDir(f.exported(12), { publicKey: generateKeyPairSync('ed25519').publicKey })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
    const edited = f.exported(12);
    edited.checkpoint = { note: edited.checkpoint.note.replace('\n12\n', '\n13\n') };
    expect(verifyBundleDir(edited, trust)).toMatchObject({ ok: false, reason: expect.stringContaining('does not verify') });
    expect(verifyBundleDir(edited, trust)).not.toHaveProperty('index');

    const beyond = f.exported(8);
    beyond.manifest.to = 9;
    expect(verifyBundleDir(beyond, trust)).toEqual({ ok: false, reason: 'the checkpoint of 8 leaves does not cover leaf 9' });
    const otherOrigin = f.exported(8);
    otherOrigin.manifest.origin = 'attest.test/other';
    expect(verifyBundleDir(otherOrigin, { publicKey: f.publicKey })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('says it is of the log attest.test/other'),
    });
  });

  it("checks that the tree extends a held checkpoint, from the bundle or the auditor's own", () => {
    const bundle = { ...f.exported(12, 0, 3), since: f.checkpointAt(5), consistency: f.consistency(5, 12) };
    expect(verifyBundleDir(bundle, trust)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/each fact unchanged; the tree extends the held checkpoint of 5 leaves$/),
    });
    // The auditor's own copy wins: the bundle's proof is from 5, not from 7.
    expect(verifyBundleDir(bundle, { ...trust, held: f.checkpointAt(7) })).toEqual({
      ok: false,
      reason: 'the proof is from 5 to 12 leaves, the checkpoints are at 7 and 12',
    });
    const { consistency: _none, ...unproved } = bundle;
    expect(
      verifyBundleDir({ ...unproved, manifest: { ...bundle.manifest, since: { treeSize: 5, error: 'Internal error' } } }, trust),
    ).toEqual({
      ok: false,
      reason: 'the bundle has no consistency proof from the held checkpoint of 5 leaves: the server refused it: Internal error',
    });
    // A held checkpoint of a log whose history was rewritten: signed by the same key, another tree.
    const forked = {
      note: signNote(formatCheckpoint({ origin: f.origin, treeSize: 5, rootHash: rootHash(f.tree, 6), timestamp: new Date() }), {
        name: f.keyName,
        privateKey: f.privateKey,
      }),
    };
    expect(verifyBundleDir(bundle, { ...trust, held: forked })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not extend the tree of 5'),
    });
    expect(
      verifyBundleDir(bundle, { ...trust, held: f.checkpointAt(5, undefined, generateKeyPairSync('ed25519').privateKey) }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the held checkpoint/),
    });
  });

  it('fails a log cut back below the held checkpoint at the first leaf that is gone', () => {
    // The server refuses a proof from 12 to 8; the bundle says so, the verifier names leaf 8.
    const cut = { ...f.exported(8), since: f.checkpointAt(12) };
    cut.manifest.since = { treeSize: 12, error: 'fromSize 12 is beyond the tree of 8 leaves: this log never reached it, or was cut back' };
    expect(verifyBundleDir(cut, trust)).toEqual({
      ok: false,
      index: 8,
      reason: 'the log was cut back below the checkpoint you hold: leaves from 8 on are gone (you hold 12 leaves)',
    });
    expect(verifyBundleDir(f.exported(8), { ...trust, held: f.checkpointAt(12) })).toMatchObject({ ok: false, index: 8 });
  });

  it('treats a malformed proof as unreadable input, not as a failed proof', () => {
    const bundle = f.exported(12);
    bundle.proofs.set(3, { ...f.inclusion(3, 12), hashes: ['AAAA'] });
    expect(() => verifyBundleDir(bundle, trust)).toThrow(BundleInputError);
  });
});

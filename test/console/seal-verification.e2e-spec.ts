import fc from 'fast-check';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import request from 'supertest';
import {
  formatCheckpoint,
  InMemoryTree,
  inclusionProof,
  keyId,
  leafBytes,
  leafHashOf,
  rawPublicKey,
  rootHash,
  signNote,
} from '@attest/ledger';
import { rootFromInclusionProof } from '../../apps/console/src/ledger-verification/rfc9162';
import { verifyDecisionSeal, type SealEvidence } from '../../apps/console/src/ledger-verification/verify-decision-seal';
import { automationFixture, decisionInput, RECORD } from '../support/decision-fixtures';
import { sealAll } from '../support/ledger';
import { ok, startTestApp, type TestApp } from '../support/test-app';

// The console's in-browser verifier (apps/console/src/ledger-verification, WebCrypto) checked against
// the server's own ledger code (libs/ledger) on generated trees, and against a running API: the
// proof, checkpoint and key it hands out for a recorded decision verify, and an edited one does not.
// The browser journey (console-decision-detail) shows the same checks on the page.
const TENANT = '9a26acbd-6055-4c0d-b110-0364269517dc';
const LOG = 'attest.test';

function verifierKeyOf(name: string, publicKey: KeyObject): string {
  return `${name}+${keyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.of(1), rawPublicKey(publicKey)]).toString('base64')}`;
}

const decisionFact = (i: number) =>
  JSON.stringify({
    id: `decision-${i}`,
    kind: 'decision',
    format: 2,
    status: 'recorded',
    tenantId: TENANT,
    automationVersionId: 'av-1',
    modelVersionId: 'mv-1',
  });

function evidenceFor(size: number, index: number, keys = generateKeyPairSync('ed25519'), origin = `${LOG}/${TENANT}`): SealEvidence {
  const facts = Array.from({ length: size }, (_, i) => decisionFact(i));
  const tree = new InMemoryTree(facts.map((fact, i) => leafHashOf(i, fact)));
  const note = signNote(
    formatCheckpoint({ origin, treeSize: size, rootHash: rootHash(tree, size), timestamp: new Date('2026-12-07T08:00:00.000Z') }),
    {
      name: LOG,
      privateKey: keys.privateKey,
    },
  );
  return {
    decision: { id: `decision-${index}`, status: 'RECORDED', automationVersionId: 'av-1', modelVersionId: 'mv-1' },
    tenantId: TENANT,
    verifierKey: verifierKeyOf(LOG, keys.publicKey),
    proof: {
      leaf: leafBytes(index, facts[index]).toString('utf8'),
      leafIndex: index,
      treeSize: size,
      hashes: inclusionProof(tree, index, size).map((h) => h.toString('base64')),
      checkpoint: { note },
    },
  };
}

const failed = async (evidence: SealEvidence) => {
  const outcome = await verifyDecisionSeal(evidence);
  expect(outcome.verified).toBe(false);
  return outcome.checks.filter((c) => !c.ok).map((c) => c.name);
};

describe('verifying a decision seal in the browser (WebCrypto)', () => {
  it('verifies every leaf of trees of 1 to 40 leaves, each check passing', async () => {
    const keys = generateKeyPairSync('ed25519');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }).chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 }))),
        async ([size, index]) => {
          const outcome = await verifyDecisionSeal(evidenceFor(size, index, keys));
          expect(outcome.checks.map((c) => [c.name, c.ok])).toEqual([
            ['signature', true],
            ['checkpoint', true],
            ['leaf', true],
            ['inclusion', true],
          ]);
          expect(outcome.verified).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leads to the same root as the server for every leaf of a 23-leaf tree', async () => {
    const hashes = Array.from({ length: 23 }, (_, i) => leafHashOf(i, decisionFact(i)));
    const tree = new InMemoryTree(hashes);
    for (let i = 0; i < 23; i++) {
      const path = inclusionProof(tree, i, 23).map((h) => new Uint8Array(h));
      const root = await rootFromInclusionProof(new Uint8Array(hashes[i]), i, 23, path);
      expect(Buffer.from(root!).equals(rootHash(tree, 23))).toBe(true);
    }
  });

  it('fails the inclusion check when any bit of the audit path is flipped in transit', async () => {
    const evidence = evidenceFor(13, 6);
    const bits = evidence.proof.hashes.length * 256;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bits - 1 }), async (bit) => {
        const hashes = evidence.proof.hashes.map((h) => Buffer.from(h, 'base64'));
        hashes[bit >> 8][(bit & 255) >> 3] ^= 1 << (bit & 7);
        const tampered = { ...evidence, proof: { ...evidence.proof, hashes: hashes.map((h) => h.toString('base64')) } };
        expect(await failed(tampered)).toEqual(['inclusion']);
      }),
      { numRuns: 40 },
    );
  });

  it('fails a truncated or extended path, another index, and a non-hash in the path', async () => {
    const evidence = evidenceFor(13, 6);
    const withPath = (hashes: string[]) => ({ ...evidence, proof: { ...evidence.proof, hashes } });
    expect(await failed(withPath(evidence.proof.hashes.slice(1)))).toEqual(['inclusion']);
    expect(await failed(withPath([...evidence.proof.hashes, evidence.proof.hashes[0]]))).toEqual(['inclusion']);
    expect(await failed(withPath(['not base64!']))).toEqual(['inclusion']);
    expect(await failed({ ...evidence, proof: { ...evidence.proof, leafIndex: 7 } })).toEqual(['leaf', 'inclusion']);
  });

  it('fails the leaf check when the leaf names another decision or another status, and the path no longer leads to the root', async () => {
    const evidence = evidenceFor(8, 3);
    const edited = { ...evidence, proof: { ...evidence.proof, leaf: evidence.proof.leaf.replace('"recorded"', '"blocked"') } };
    expect(await failed(edited)).toEqual(['leaf', 'inclusion']);
    expect(await failed({ ...evidence, decision: { ...evidence.decision, id: 'decision-4' } })).toEqual(['leaf']);
    expect(await failed({ ...evidence, proof: { ...evidence.proof, leaf: '{"index":3' } })).toEqual(['leaf', 'inclusion']);
  });

  it('fails the signature when the checkpoint note is edited, signed by another key, or the published key is not what it claims', async () => {
    const evidence = evidenceFor(8, 3);
    const note = evidence.proof.checkpoint.note;
    expect(await failed({ ...evidence, proof: { ...evidence.proof, checkpoint: { note: note.replace('\n8\n', '\n9\n') } } })).toEqual([
      'signature',
      'checkpoint',
      'inclusion',
    ]);
    const other = generateKeyPairSync('ed25519');
    expect(await failed({ ...evidence, verifierKey: verifierKeyOf(LOG, other.publicKey) })).toContain('signature');
    const [name, , key] = evidence.verifierKey.split('+');
    expect(await failed({ ...evidence, verifierKey: `${name}+00000000+${key}` })).toContain('signature');
    expect(await failed({ ...evidence, verifierKey: 'not a key' })).toContain('signature');
  });

  it("fails the checkpoint check for another tenant's log or a proof against another size", async () => {
    const keys = generateKeyPairSync('ed25519');
    expect(await failed(evidenceFor(8, 3, keys, `${LOG}/another-tenant`))).toEqual(['checkpoint']);
    const evidence = evidenceFor(8, 3, keys);
    expect(await failed({ ...evidence, proof: { ...evidence.proof, treeSize: 9 } })).toEqual(['checkpoint']);
  });
});

describe('verifying a decision recorded through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const PROOF = `query($id: String!) {
    tenant { id }
    ledgerInclusionProof(factId: $id) { leaf leafIndex treeSize hashes checkpoint { note } }
  }`;

  it('verifies the proof, checkpoint and published key the API gives, and refuses the same proof edited in transit', async () => {
    const f = await automationFixture(t);
    const decision = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision;
    await sealAll(t);
    const { tenant, ledgerInclusionProof: proof } = ok(await t.gql(t.adminKey, PROOF, { id: decision.id }));
    const key = await request(t.app.getHttpServer()).get('/.well-known/attest/ledger-key').expect(200);
    const evidence: SealEvidence = { decision, tenantId: tenant.id, verifierKey: key.body.verifierKey, proof };

    const outcome = await verifyDecisionSeal(evidence);
    expect(outcome.checks.filter((c) => !c.ok)).toEqual([]);
    expect(outcome.verified).toBe(true);

    // One bit of the leaf's bytes changed in transit: the leaf and its path no longer match.
    const leaf = Buffer.from(proof.leaf as string);
    leaf[leaf.indexOf('"decision"') + 1] ^= 0x20;
    const tampered = await verifyDecisionSeal({ ...evidence, proof: { ...proof, leaf: leaf.toString() } });
    expect(tampered.verified).toBe(false);
    expect(tampered.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['leaf', 'inclusion']);
  });
});

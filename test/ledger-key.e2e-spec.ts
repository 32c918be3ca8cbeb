import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { formatCheckpoint, keyId, LedgerKeys, openNote, signNote } from '@attest/ledger';
import { startTestApp, type TestApp } from './support/test-app';

const PATH = '/.well-known/attest/ledger-key';

describe("the ledger's public key at a well-known path", () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const t = await startTestApp(env);
    apps.push(t);
    return t;
  };
  const served = async (t: TestApp) => (await request(t.app.getHttpServer()).get(PATH).expect(200)).body;
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  it("serves the key without credentials, in PEM and as a Go note verifier key, and it verifies the log's signatures", async () => {
    const t = await start({ ATTEST_LEDGER_NAME: 'ledger.attest.test' });
    const body = await served(t);
    const publicKey = createPublicKey(body.publicKeyPem);
    expect(body).toMatchObject({
      name: 'ledger.attest.test',
      algorithm: 'Ed25519',
      keyId: keyId('ledger.attest.test', publicKey).toString('hex'),
      originFormat: 'ledger.attest.test/<tenant id>',
    });
    expect(body.verifierKey).toMatch(new RegExp(`^ledger\\.attest\\.test\\+${body.keyId}\\+[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]+$`));
    expect(JSON.stringify(body)).not.toContain('PRIVATE');

    const keys = t.app.get(LedgerKeys);
    const note = signNote(
      formatCheckpoint({
        origin: keys.originOf('9a26acbd-6055-4c0d-b110-0364269517dc'),
        treeSize: 1,
        rootHash: Buffer.alloc(32),
        timestamp: new Date(),
      }),
      {
        name: keys.name,
        privateKey: keys.privateKey,
      },
    );
    expect(openNote(note, { name: body.name, publicKey }).ok).toBe(true);
  });

  it('is the same key in every process sharing the hash key, another with another, and the configured one when given', async () => {
    const hashKey = 'h'.repeat(48);
    // One after the other: apps starting at once on one cluster race to provision its attest_app role.
    const a = await start({ ATTEST_HASH_KEY: hashKey });
    const b = await start({ ATTEST_HASH_KEY: hashKey });
    const c = await start({ ATTEST_HASH_KEY: 'x'.repeat(48) });
    const [ka, kb, kc] = await Promise.all([served(a), served(b), served(c)]);
    expect(ka.publicKeyPem).toBe(kb.publicKeyPem);
    expect(kc.publicKeyPem).not.toBe(ka.publicKeyPem);

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const configured = await start({ ATTEST_LEDGER_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string });
    expect((await served(configured)).publicKeyPem).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
  });
});

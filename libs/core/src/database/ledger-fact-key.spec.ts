import { createHash, createHmac, randomBytes } from 'node:crypto';
import { loadConfig } from '../config/attest-config';
import { hmacSha256Pads, ledgerFactKey, LedgerFactKeys } from './ledger-fact-key';
import { withoutSecrets } from './query-counter';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** HMAC from the padded blocks, as attest_ledger_hmac computes it in SQL. */
const hmacFromPads = (pads: Buffer, message: Buffer) =>
  sha256(Buffer.concat([pads.subarray(64), sha256(Buffer.concat([pads.subarray(0, 64), message]))]));

describe('the ledger fact key', () => {
  it.each([0, 1, 32, 63, 64, 65, 200])('pads a %i-byte key so that two SHA-256 give HMAC-SHA256 (RFC 2104)', (length) => {
    const key = randomBytes(length);
    for (const message of ['', 'abc', 'Zoë ＠ 東京 🙂', 'x'.repeat(300)]) {
      expect(hmacFromPads(hmacSha256Pads(key), Buffer.from(message)).toString('hex')).toBe(
        createHmac('sha256', key).update(message).digest('hex'),
      );
    }
  });

  it('derives one 32-byte key per tenant from the server secret', () => {
    const secret = 'a'.repeat(32);
    const a = ledgerFactKey(secret, '00000000-0000-4000-8000-000000000001');
    expect(a).toHaveLength(32);
    expect(ledgerFactKey(secret, '00000000-0000-4000-8000-000000000001')).toEqual(a);
    expect(ledgerFactKey(secret, '00000000-0000-4000-8000-000000000002')).not.toEqual(a);
    expect(ledgerFactKey('b'.repeat(32), '00000000-0000-4000-8000-000000000001')).not.toEqual(a);
  });

  it('has no key without a server secret (DATABASE_URL without ATTEST_HASH_KEY), and 256 hex digits with one', () => {
    const tenant = '00000000-0000-4000-8000-000000000001';
    expect(new LedgerFactKeys(loadConfig({ DATABASE_URL: 'postgres://db/attest' })).padsFor(tenant)).toBeUndefined();
    expect(new LedgerFactKeys(undefined).padsFor(tenant)).toBeUndefined();
    const pads = new LedgerFactKeys(loadConfig({ DATABASE_URL: 'postgres://db/attest', ATTEST_HASH_KEY: 'k'.repeat(32) })).padsFor(tenant);
    expect(pads).toMatch(/^[0-9a-f]{256}$/);
  });

  it('is masked in echoed SQL', () => {
    const sql = `START TRANSACTION; SELECT set_config('attest.tenant_id', 'x', true), set_config('attest.ledger_fact_key', '${'ab'.repeat(128)}', true)`;
    expect(withoutSecrets(sql)).toBe(
      "START TRANSACTION; SELECT set_config('attest.tenant_id', 'x', true), set_config('attest.ledger_fact_key', '[secret]', true)",
    );
  });
});

import { createHash, hkdfSync } from 'node:crypto';
import type { AttestConfig } from '../config/attest-config';
import { serverSecret } from '../config/server-secret';

const BLOCK = 64;

/**
 * HMAC-SHA256's two padded key blocks (RFC 2104), `(K xor ipad) ‖ (K xor opad)`, K hashed first when
 * longer than a block and zero-filled to one. PostgreSQL computes the HMAC from these with two
 * sha256() calls (attest_ledger_hmac): the XOR is done here once, not in SQL for every digest.
 */
export function hmacSha256Pads(key: Buffer): Buffer {
  const block = Buffer.alloc(BLOCK);
  (key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block);
  const pads = Buffer.alloc(2 * BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    pads[i] = block[i] ^ 0x36;
    pads[BLOCK + i] = block[i] ^ 0x5c;
  }
  return pads;
}

/** The tenant's ledger fact key, derived with HKDF from the server secret (as the ledger's signing key is). */
export function ledgerFactKey(secret: string, tenantId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `attest/ledger/v1/fact-key:${tenantId}`, 32));
}

/**
 * What each tenant transaction sets as `attest.ledger_fact_key`: the padded blocks of the tenant's
 * fact key, in hex. Without a server secret (a CLI command on DATABASE_URL without ATTEST_HASH_KEY)
 * there is none: reads work, and a fact that needs the key fails in PostgreSQL rather than being
 * written unkeyed.
 */
export class LedgerFactKeys {
  private readonly pads = new Map<string, string>();

  constructor(private readonly config: AttestConfig | undefined) {}

  padsFor(tenantId: string): string | undefined {
    if (!this.config || (this.config.databaseUrl && !this.config.hashKey)) return undefined;
    let pads = this.pads.get(tenantId);
    if (pads === undefined) {
      pads = hmacSha256Pads(ledgerFactKey(serverSecret(this.config), tenantId)).toString('hex');
      this.pads.set(tenantId, pads);
    }
    return pads;
  }
}

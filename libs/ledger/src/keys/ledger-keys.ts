import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, ConfigError, serverSecret, type AttestConfig } from '@attest/core';
import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { keyId, rawPublicKey } from '../checkpoint/signed-note';

/** PKCS#8 DER of an Ed25519 private key: this fixed prefix, then the 32-byte seed. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The log's signing key: ATTEST_LEDGER_SIGNING_KEY when given (an Ed25519 PEM, the production
 * choice: it can be rotated on its own); otherwise derived with HKDF from the server secret every
 * process already shares (ATTEST_HASH_KEY, or the embedded default's data-folder key), so that API
 * and workers sign with the same key without more configuration. Only the public half leaves.
 */
@Injectable()
export class LedgerKeys {
  readonly name: string;
  private keys?: { privateKey: KeyObject; publicKey: KeyObject };

  constructor(@Inject(ATTEST_CONFIG) private readonly config: AttestConfig) {
    this.name = config.ledger.name;
  }

  // Derived on first use, not at start: processes that never sign or serve the key (the CLI's seed) need no secret.
  get privateKey(): KeyObject {
    return this.pair().privateKey;
  }

  get publicKey(): KeyObject {
    return this.pair().publicKey;
  }

  private pair(): { privateKey: KeyObject; publicKey: KeyObject } {
    if (!this.keys) {
      const privateKey = signingKeyOf(this.config);
      this.keys = { privateKey, publicKey: createPublicKey(privateKey) };
    }
    return this.keys;
  }

  /** The tenant's log: its checkpoints carry this origin, and a verifier holds them to it. */
  originOf(tenantId: string): string {
    return `${this.name}/${tenantId}`;
  }

  /** The key in Go's note-verifier form, `<name>+<key id hex>+<base64(0x01 ‖ public key)>` (golang.org/x/mod/sumdb/note). */
  get verifierKey(): string {
    return `${this.name}+${keyId(this.name, this.publicKey).toString('hex')}+${Buffer.concat([Buffer.of(0x01), rawPublicKey(this.publicKey)]).toString('base64')}`;
  }
}

function signingKeyOf(config: AttestConfig): KeyObject {
  if (config.ledger.signingKey) {
    const key = createPrivateKey(config.ledger.signingKey);
    if (key.asymmetricKeyType !== 'ed25519')
      throw new ConfigError([`ATTEST_LEDGER_SIGNING_KEY is an ${key.asymmetricKeyType} key, not Ed25519`]);
    return key;
  }
  const seed = Buffer.from(hkdfSync('sha256', serverSecret(config), Buffer.alloc(0), 'attest/ledger/v1/signing-key', 32));
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

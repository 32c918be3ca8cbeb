import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, assertServerSecret, serverSecret, type AttestConfig } from '@attest/core';
import { createHmac } from 'node:crypto';
import { keyedHash } from '../redaction/keyed-hash';

/** What a keyed hash is for: each purpose gets its own key, so equal values never hash alike across purposes. */
export type HashPurpose = 'input' | 'subject' | 'request' | 'contact';

/**
 * Keys for hashing decision inputs, subject references and idempotent requests. Each tenant's key
 * derives from one server secret (ATTEST_HASH_KEY; on the embedded default a random key in the
 * data folder) and is never stored: someone holding the database alone cannot confirm a guessed
 * e-mail address by hashing it. Losing the secret makes existing hashes unmatchable.
 */
@Injectable()
export class HashKeys {
  private secret?: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(ATTEST_CONFIG) private readonly config: AttestConfig) {}

  /** Servers check this at boot (apps/api, apps/worker); CLI commands that never hash do not need the key. */
  static assertConfigured(config: AttestConfig): void {
    assertServerSecret(config);
  }

  hash(tenantId: string, purpose: HashPurpose, value: unknown): string {
    return keyedHash(this.keyFor(tenantId, purpose), value);
  }

  /** A 32-byte key for one purpose, derived from the server secret (e.g. sealing webhook secrets). */
  derive(label: string): Buffer {
    let key = this.keys.get(label);
    if (!key) {
      key = createHmac('sha256', this.serverSecret()).update(`attest/decisions/v1/${label}`).digest();
      this.keys.set(label, key);
    }
    return key;
  }

  private keyFor(tenantId: string, purpose: HashPurpose): Buffer {
    return this.derive(`${purpose}:${tenantId}`);
  }

  private serverSecret(): string {
    this.secret ??= serverSecret(this.config);
    return this.secret;
  }
}

import { createHmac } from 'node:crypto';
import { canonicalJson } from '@attest/core';

/**
 * HMAC-SHA256 (lowercase hex) of the canonical JSON of `value`. Stored in place of a raw input, it lets a
 * later query ask "was this exact input decided on?" by hashing the candidate with the same secret and
 * comparing, without the input ever being stored. The secret keeps low-entropy inputs (an e-mail, a
 * phone number) from being recovered by hashing guesses; rotating it makes older hashes unmatchable.
 */
export function keyedHash(secret: Buffer | string, value: unknown): string {
  if (secret.length === 0) throw new Error('keyedHash: the secret must not be empty');
  return createHmac('sha256', secret).update(canonicalJson(value)).digest('hex');
}

import { createHash, randomBytes } from 'node:crypto';

/** A session or sign-in link token: 256 random bits, URL- and cookie-safe. Only its hash is stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, hex: enough for a random 256-bit token (no salt or slow hash needed: nothing to guess). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

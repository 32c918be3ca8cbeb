import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `att_<prefix>_<secret>`: the prefix finds the row, the secret (32 random bytes) proves possession. */
const KEY_FORMAT = /^att_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{20,})$/;

export interface ParsedApiKey {
  prefix: string;
  secret: string;
}

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { key: `att_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/**
 * A bootstrap key given by the operator need not follow the format: it is stored under a prefix
 * derived from it, so it can still be found without storing it.
 */
export function apiKeyFromOperator(value: string): { key: string; prefix: string; secretHash: string } {
  const parsed = parseApiKey(value);
  if (parsed) return { key: value, prefix: parsed.prefix, secretHash: hashSecret(parsed.secret) };
  return { key: value, prefix: operatorPrefix(value), secretHash: hashSecret(value) };
}

export function parseApiKey(value: string): ParsedApiKey | undefined {
  const match = KEY_FORMAT.exec(value);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

/** How any presented key is looked up: by its prefix, or the derived one for a free-form key. */
export function lookupOf(value: string): ParsedApiKey {
  return parseApiKey(value) ?? { prefix: operatorPrefix(value), secret: value };
}

/** SHA-256 suffices: the secret is 256 random bits, not a password that could be guessed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function operatorPrefix(value: string): string {
  return `op${createHash('sha256').update(`prefix:${value}`).digest('hex').slice(0, 10)}`;
}

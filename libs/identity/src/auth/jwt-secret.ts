import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttestConfig } from '@attest/core';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The JWT signing key: ATTEST_JWT_SECRET, or on the embedded default a random key kept in the data
 * folder (so `attest token` and the API agree). On a server without it, JWT sign-in is off.
 */
export function resolveJwtSecret(config: AttestConfig): string | undefined {
  if (config.jwt.secret) return config.jwt.secret;
  if (config.databaseUrl) return undefined;
  const file = join(config.dataDir, 'jwt.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

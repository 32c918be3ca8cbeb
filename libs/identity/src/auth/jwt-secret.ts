import { localSecret, type AttestConfig } from '@attest/core';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The JWT signing key: ATTEST_JWT_SECRET, or on the embedded default a random key kept in the data
 * folder (so `attest token` and the API agree). On a server without it, JWT sign-in is off.
 */
export function resolveJwtSecret(config: AttestConfig): string | undefined {
  if (config.jwt.secret) return config.jwt.secret;
  if (config.databaseUrl) return undefined;
  return localSecret(config.dataDir, 'jwt.key');
}

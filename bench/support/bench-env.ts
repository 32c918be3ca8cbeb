import { randomBytes } from 'node:crypto';

/** The variables a bench starts the API (and workers) with: its database, a bootstrap admin key, a hash key, quiet logs. */
export function benchEnv(databaseUrl: string): { adminKey: string; env: Record<string, string> } {
  const adminKey = `bench-admin-${randomBytes(24).toString('hex')}`;
  return {
    adminKey,
    env: { DATABASE_URL: databaseUrl, ATTEST_BOOTSTRAP_API_KEY: adminKey, ATTEST_HASH_KEY: randomBytes(32).toString('hex'), ATTEST_LOG_LEVEL: 'error' },
  };
}

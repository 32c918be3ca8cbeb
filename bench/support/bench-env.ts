import { randomBytes } from 'node:crypto';

/**
 * Budgets a load generator never reaches: a bench measures throughput, and the rate limits
 * (docs/security.md) would otherwise be what it measured.
 */
export const UNLIMITED_RATES = {
  ATTEST_RATE_LIMIT_REQUESTS: '1000000',
  ATTEST_RATE_LIMIT_COST_PER_MINUTE: '1000000000',
  ATTEST_RATE_LIMIT_OPENLINEAGE_PER_MINUTE: '1000000',
  ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000000',
};

/** The variables a bench starts the API (and workers) with: its database, a bootstrap admin key, a hash key, quiet logs, no rate limit in reach. */
export function benchEnv(databaseUrl: string): { adminKey: string; env: Record<string, string> } {
  const adminKey = `bench-admin-${randomBytes(24).toString('hex')}`;
  return {
    adminKey,
    env: {
      DATABASE_URL: databaseUrl,
      ATTEST_BOOTSTRAP_API_KEY: adminKey,
      ATTEST_HASH_KEY: randomBytes(32).toString('hex'),
      ATTEST_LOG_LEVEL: 'error',
      ...UNLIMITED_RATES,
    },
  };
}

import { ConfigError, type AttestConfig } from './attest-config';
import { localSecret } from './local-secret';

/** Servers check this at boot (apps/api, apps/worker): with DATABASE_URL, every process must share the secret. */
export function assertServerSecret(config: AttestConfig): void {
  if (config.databaseUrl && !config.hashKey) {
    throw new ConfigError([
      'ATTEST_HASH_KEY is required with DATABASE_URL (at least 32 characters, the same for every API and worker process)',
    ]);
  }
}

/**
 * The one server secret keys are derived from (keyed hashes, sealing, the ledger's default signing
 * key): ATTEST_HASH_KEY, or on the embedded default a random key in the data folder.
 */
export function serverSecret(config: AttestConfig): string {
  assertServerSecret(config);
  return config.hashKey ?? localSecret(config.dataDir, 'hash.key');
}

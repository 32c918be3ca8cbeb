import { mintJwt, resolveJwtSecret } from '@attest/identity';
import { requireUuid } from '../args';
import { CliError, defineCommand } from '../command';
import { loadCliConfig } from '../local/cli-config';

/** ATTEST_JWT_TTL_SECONDS has the same bounds; the API accepts no token longer than ATTEST_JWT_MAX_LIFETIME_SECONDS. */
const TTL_BOUNDS = { min: 60, max: 31 * 24 * 3600 };

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'Mint a JWT for a principal (local use and scripts)',
  description:
    "Prints a JWT signed with the API's key: ATTEST_JWT_SECRET, or on the embedded default the key kept in " +
    'ATTEST_DATA_DIR. Only the token is written to stdout, so it can be captured: TOKEN=$(attest token ...).',
  options: {
    principal: { type: 'string', required: true, valueName: 'id', description: 'principal id (the token subject)' },
    tenant: { type: 'string', required: true, valueName: 'id', description: 'tenant id of that principal' },
    ttl: { type: 'integer', valueName: 'seconds', ...TTL_BOUNDS, description: 'lifetime (default: ATTEST_JWT_TTL_SECONDS or 3600)' },
  },
  async run(options, io) {
    for (const name of ['principal', 'tenant'] as const) requireUuid(name, options[name]);
    const config = loadCliConfig();
    const secret = resolveJwtSecret(config);
    if (!secret) {
      throw new CliError(
        'no JWT signing key: with DATABASE_URL set, set ATTEST_JWT_SECRET (at least 32 characters) to the same value the API uses',
      );
    }
    const ttlSeconds = options.ttl ?? config.jwt.ttlSeconds;
    if (ttlSeconds > config.jwt.maxLifetimeSeconds) {
      throw new CliError(
        `--ttl ${ttlSeconds} is longer than the API accepts (ATTEST_JWT_MAX_LIFETIME_SECONDS: ${config.jwt.maxLifetimeSeconds})`,
        2,
      );
    }
    const token = mintJwt({ sub: options.principal, tid: options.tenant }, { secret, issuer: config.jwt.issuer, ttlSeconds });
    io.out(`${token}\n`);
  },
});

import { mintJwt, resolveJwtSecret } from '@attest/identity';
import { requireUuid } from '../args';
import { CliError, type CommandRun } from '../command';
import { loadCliConfig } from '../local/cli-config';
import type { tokenOptions } from './token.command';

export const run: CommandRun<typeof tokenOptions> = async (options, io) => {
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
};

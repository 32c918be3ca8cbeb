import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

/** ATTEST_JWT_TTL_SECONDS has the same bounds; the API accepts no token longer than ATTEST_JWT_MAX_LIFETIME_SECONDS. */
const TTL_BOUNDS = { min: 60, max: 31 * 24 * 3600 };

export const tokenOptions = {
  principal: { type: 'string', required: true, valueName: 'id', description: 'principal id (the token subject)' },
  tenant: { type: 'string', required: true, valueName: 'id', description: 'tenant id of that principal' },
  ttl: { type: 'integer', valueName: 'seconds', ...TTL_BOUNDS, description: 'lifetime (default: ATTEST_JWT_TTL_SECONDS or 3600)' },
} satisfies OptionSpecs;

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'Mint a JWT for a principal (local use and scripts)',
  description:
    "Prints a JWT signed with the API's key: ATTEST_JWT_SECRET, or on the embedded default the key kept in " +
    'ATTEST_DATA_DIR. Only the token is written to stdout, so it can be captured: TOKEN=$(attest token ...).',
  options: tokenOptions,
  load: () => import('./token.run'),
});

import { resolve } from 'node:path';
import { loadConfig, type AttestConfig } from '@attest/core';
import { nearestPackageRoot } from '../repo-root';

/** The variables whose relative values name a place. */
const PATH_VARIABLES = ['ATTEST_DATA_DIR', 'ATTEST_POLICIES_DIR'];

/**
 * The configuration as `npm start` sees it, from whatever folder `attest` runs in: the defaults
 * (.attest/data, policies/) are the repository's, as for the API that npm starts in its root; a
 * relative path the user sets is taken from the current folder, as a shell user means it.
 */
export function loadCliConfig(): AttestConfig {
  const env = { ...process.env };
  for (const name of PATH_VARIABLES) if (env[name]) env[name] = resolve(process.cwd(), env[name]);
  return loadConfig(env, nearestPackageRoot(__dirname) ?? process.cwd());
}

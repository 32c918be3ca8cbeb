import { EnvironmentError } from '../command';

/**
 * The embedded PostgreSQL serves one process: while `npm start` runs, a command that needs the
 * database is told what to do instead of a start-up failure (or a stack trace) from deep inside
 * Nest. Whether a running Attest serves the folder is the embedded server's own check
 * (`runningAttestOn` in @attest/core).
 */
export function embeddedInUseError(dataDir: string): EnvironmentError {
  return new EnvironmentError(
    `the embedded database in ${dataDir} is in use by a running Attest (npm start): stop it first (the embedded database serves one process), or use --url to go through its API`,
  );
}

/** The message the embedded start throws when it finds a live server on the data folder (libs/core). */
export function isEmbeddedInUseFailure(error: unknown): boolean {
  return error instanceof Error && /embedded database in .* is in use/i.test(error.message);
}

import type { AttestConfig } from '../config/attest-config';
import { checkConnection } from './connection-check';
import { startEmbeddedPostgres, type EmbeddedLog } from './embedded-postgres.server';

/** Where the data lives: a PostgreSQL server from DATABASE_URL, or the embedded one. */
export interface DatabaseServer {
  /** Owner connection: runs migrations and provisions the application role. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Without a logger (the CLI, benches), what the embedded server did that an operator must know goes to stderr. */
const WARNINGS_TO_STDERR: EmbeddedLog = { debug: () => undefined, warn: (message) => process.stderr.write(`attest: ${message}\n`) };

/** The only difference between the two ways to run: who starts the server. */
export async function openDatabaseServer(config: AttestConfig, log = WARNINGS_TO_STDERR): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    await checkConnection(config.databaseUrl, 'DATABASE_URL');
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres(config.dataDir, log);
}

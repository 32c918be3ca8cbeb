import type { AttestConfig } from '../config/attest-config';
import { startEmbeddedPostgres, type EmbeddedLog } from './embedded-postgres.server';

/** Where the data lives: a PostgreSQL server from DATABASE_URL, or the embedded one. */
export interface DatabaseServer {
  /** Owner connection: runs migrations and provisions the application role. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The only difference between the two ways to run: who starts the server. */
export async function openDatabaseServer(config: AttestConfig, log?: EmbeddedLog): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres(config.dataDir, log);
}

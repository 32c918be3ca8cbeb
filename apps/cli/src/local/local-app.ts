import { ConsoleLogger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { openDatabaseServer, type AttestConfig, type DatabaseServer } from '@attest/core';
import { AppModule } from '../../../api/src/app.module';
import { embeddedDatabaseInUse, embeddedInUseError, isEmbeddedInUseFailure } from './embedded-in-use';

/**
 * Commands that need the database itself (not the API): on DATABASE_URL, or on the embedded
 * PostgreSQL, which must not be in use by a running Attest. A failure comes back to the command
 * as an error (printed in one line by the CLI) instead of Nest's stack trace and process.exit.
 */
export async function withLocalApp<T>(config: AttestConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  assertEmbeddedDatabaseFree(config);
  // The API's own composition, without its HTTP server: same database setup, migrations and services.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new CliNestLogger('attest', { logLevels: ['error', 'warn'] }),
    abortOnError: false,
  }).catch(rethrowInUse(config));
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The database server alone (migrations), with the same check. */
export async function openLocalDatabase(config: AttestConfig): Promise<DatabaseServer> {
  assertEmbeddedDatabaseFree(config);
  return openDatabaseServer(config).catch(rethrowInUse(config));
}

export function assertEmbeddedDatabaseFree(config: AttestConfig): void {
  if (!config.databaseUrl && embeddedDatabaseInUse(config.dataDir)) throw embeddedInUseError(config.dataDir);
}

/** The check above can lose a race with a server starting meanwhile: the embedded start then says so. */
function rethrowInUse(config: AttestConfig) {
  return (error: unknown): never => {
    throw isEmbeddedInUseFailure(error) ? embeddedInUseError(config.dataDir) : error;
  };
}

/** Nest logs an initialisation failure with its stack before rethrowing it; the CLI reports it itself, in one line. */
class CliNestLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

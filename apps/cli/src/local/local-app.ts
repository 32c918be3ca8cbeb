import { ConsoleLogger, type INestApplicationContext, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { assertServerSecret, openDatabaseServer, runningAttestOn, type AttestConfig, type DatabaseServer } from '@attest/core';
import { createApp } from '@attest/platform';
import { embeddedInUseError, isEmbeddedInUseFailure } from './embedded-in-use';
import { OperatorModule } from './operator.module';

/**
 * Commands that need the database itself (not a running API): on DATABASE_URL, or on the embedded
 * PostgreSQL, which must not be in use by a running Attest. A start-up failure comes back to the
 * command as an error (printed in one line by the CLI) instead of Nest's stack trace and exit.
 */
export async function withLocalApp<T>(config: AttestConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  await assertReadyForApp(config);
  // The database and identity's services, set up as the API does (migrations included), nothing more.
  const app = await NestFactory.createApplicationContext(OperatorModule.forRoot(config), nestOptions()).catch(rethrowInUse(config));
  return closing(app, work);
}

/** The whole API with its HTTP server, on a free port of 127.0.0.1 (for what goes through GraphQL). */
export async function withLocalHttpApp<T>(
  config: AttestConfig,
  work: (app: NestExpressApplication, baseUrl: string) => Promise<T>,
): Promise<T> {
  await assertReadyForApp(config);
  const app = await createApp(config, nestOptions()).catch(rethrowInUse(config));
  return closing(app, async () => {
    await app.listen(0, '127.0.0.1');
    return work(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
  });
}

/** The database server alone (migrations), with the same check. */
export async function openLocalDatabase(config: AttestConfig): Promise<DatabaseServer> {
  await assertEmbeddedDatabaseFree(config);
  return openDatabaseServer(config).catch(rethrowInUse(config));
}

/**
 * The API's composition writes audited facts, whose ledger leaves are keyed by the server secret:
 * on DATABASE_URL it needs the API's ATTEST_HASH_KEY, said in one line before anything starts.
 */
async function assertReadyForApp(config: AttestConfig): Promise<void> {
  assertServerSecret(config);
  await assertEmbeddedDatabaseFree(config);
}

async function assertEmbeddedDatabaseFree(config: AttestConfig): Promise<void> {
  if (!config.databaseUrl && (await runningAttestOn(config.dataDir)) !== undefined) throw embeddedInUseError(config.dataDir);
}

async function closing<A extends INestApplicationContext, T>(app: A, work: (app: A) => Promise<T>): Promise<T> {
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function nestOptions(): Pick<NestApplicationOptions, 'logger' | 'abortOnError'> {
  return { logger: new CliNestLogger('attest', { logLevels: ['error', 'warn'] }), abortOnError: false };
}

/** The check above can lose a race with a server starting meanwhile: the embedded start then says so. */
function rethrowInUse(config: AttestConfig) {
  return (error: unknown): never => {
    throw isEmbeddedInUseFailure(error) ? embeddedInUseError(config.dataDir) : error;
  };
}

/** Nest logs a start-up failure with its stack before rethrowing it; the CLI reports it itself, in one line. */
class CliNestLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, loggerLevels } from '@attest/core';
import { HashKeys } from '@attest/decisions';
import { WorkerModule } from './worker.module';

/** The job worker: a Nest application context (no HTTP) that consumes the Redis queues. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    HashKeys.assertConfigured(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const { redisUrl } = config;
  if (!redisUrl) {
    process.stderr.write(
      'The Attest worker needs REDIS_URL. Without it (the embedded default) jobs run inside the API process, and no worker is needed.\n',
    );
    process.exit(2);
  }
  // Runs every lifecycle hook: handlers register in onModuleInit, workers start at bootstrap.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...config, redisUrl }), {
    logger: loggerLevels(config.logLevel),
  });
  process.stdout.write(`Attest worker consuming queues with prefix "${config.queuePrefix}"\n`);
  // close() lets running jobs finish before the process exits.
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Attest worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { startTracing } from '../../api/src/tracing';

// As in the API: telemetry first, so that instrumented modules are patched as they load; the
// worker exports its own metrics (the ledger's sequencing lag is measured where it seals).
const telemetry = startTracing(process.env, 'attest-worker');

/** The job worker: a Nest application context (no HTTP) that consumes the Redis queues. */
async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { ConfigError, loadConfig, loggerLevels } = await import('@attest/core');
  const { HashKeys } = await import('@attest/decisions');
  const { WorkerModule } = await import('./worker.module');
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
    await telemetry?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Attest worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

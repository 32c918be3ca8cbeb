import 'reflect-metadata';
import type { AttestConfig } from '@attest/core';
import { startTracing } from '@attest/observability';

// As in the API: telemetry first, so that instrumented modules are patched as they load; the
// worker exports its own metrics (the ledger's sequencing lag is measured where it seals).
const telemetry = startTracing(process.env, 'attest-worker');
let config: AttestConfig | undefined;

/** The job worker: a Nest application context (no HTTP) that consumes the Redis queues. */
async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AttestConsoleLogger, loadConfig, loggerLevels } = await import('@attest/core');
  const { HashKeys } = await import('@attest/decisions');
  const { WorkerModule } = await import('./worker.module');
  config = loadConfig();
  HashKeys.assertConfigured(config);
  const { redisUrl } = config;
  if (!redisUrl) {
    process.stderr.write(
      'The Attest worker needs REDIS_URL. Without it (the embedded default) jobs run inside the API process, and no worker is needed.\n',
    );
    process.exit(2);
  }
  // Runs every lifecycle hook: handlers register in onModuleInit, workers start at bootstrap.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...config, redisUrl }), {
    logger: new AttestConsoleLogger({ logLevels: loggerLevels(config.logLevel) }),
    abortOnError: false, // reported below in one line
  });
  process.stdout.write(`Attest worker consuming queues with prefix "${config.queuePrefix}"\n`);
  // close() lets running jobs finish before the process exits.
  const stop = async () => {
    await app.close();
    await telemetry?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch(async (error: unknown) => {
  const { describeStartupFailure } = await import('@attest/core');
  const failure = describeStartupFailure(error, 'Attest worker', config?.logLevel === 'debug');
  process.stderr.write(failure.text);
  process.exit(failure.exitCode);
});

import './production-env';
import 'reflect-metadata';
import type { AttestConfig } from '@attest/core';
import { startTracing } from '@attest/observability';

const tracing = startTracing();
let config: AttestConfig | undefined;

async function main(): Promise<void> {
  // Loaded after tracing has started, so that instrumented modules are patched.
  const { loadConfig, prepareDataDir, portFailure, reservePort } = await import('@attest/core');
  const { HashKeys } = await import('@attest/decisions');
  config = loadConfig();
  HashKeys.assertConfigured(config);
  // Before anything is created: a taken PORT or an unusable data folder stops the start here, not
  // after the migrations ran and a first admin key was printed for a URL that is another server's.
  const reserved = await reservePort(config.port);
  if (!config.databaseUrl) prepareDataDir(config.dataDir);
  const { createApp } = await import('@attest/platform');
  const app = await createApp({ ...config, port: reserved.port });
  await app.init();
  await reserved.release();
  await app.listen(reserved.port).catch((error: unknown) => Promise.reject(portFailure(reserved.port, error)));
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`Attest API listening on http://localhost:${port}/graphql\n`);
  process.stdout.write(`Console: http://localhost:${port}/\n`);
  const stop = async () => {
    await app.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch(async (error: unknown) => {
  const { describeStartupFailure } = await import('@attest/core');
  const failure = describeStartupFailure(error, 'Attest', config?.logLevel === 'debug');
  process.stderr.write(failure.text);
  process.exit(failure.exitCode);
});

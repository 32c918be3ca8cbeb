import './production-env';
import 'reflect-metadata';
import { startTracing } from './tracing';

const tracing = startTracing();

async function main(): Promise<void> {
  // Loaded after tracing has started, so that instrumented modules are patched.
  const { ConfigError, loadConfig } = await import('@attest/core');
  const { HashKeys } = await import('@attest/decisions');
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
  const { createApp } = await import('./create-app');
  const app = await createApp(config);
  await app.listen(config.port);
  process.stdout.write(`Attest API listening on http://localhost:${config.port}/graphql\n`);
  const stop = async () => {
    await app.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Attest failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

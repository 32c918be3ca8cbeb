import type { NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { bodyLimitSetBy, correlationIdMiddleware, loggerLevels, AttestConsoleLogger, type AttestConfig } from '@attest/core';
import { OPENLINEAGE_PATH } from '@attest/lineage';
import { ApiModule } from './api.module';
import { RequestMetrics } from './metrics/request-metrics';
import { restRouteMetrics } from './metrics/rest-route-metrics';
import { graphqlBrowserRedirect, serveConsole } from '../console';

/**
 * Builds the API application; apps/api, the CLI (attest seed) and the end-to-end tests share it. The
 * CLI passes its own logger and abortOnError: false, to report a start-up failure in one line.
 */
export async function createApp(
  config: AttestConfig,
  overrides: Pick<NestApplicationOptions, 'logger' | 'abortOnError'> = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: new AttestConsoleLogger({ logLevels: loggerLevels(config.logLevel) }),
    // A failure to start is thrown to the caller (main.ts reports it in one line), not logged and exited on.
    abortOnError: false,
    bodyParser: true,
    ...overrides,
  });
  app.use(restRouteMetrics(app.get(RequestMetrics)));
  app.use(correlationIdMiddleware);
  // Before Nest's routes and Apollo: the console at / (docs/console.md), and a browser's GET /graphql to the explorer.
  app.use(graphqlBrowserRedirect);
  app.use(serveConsole(config.consoleDir));
  // One OpenLineage event is one run's facts: bounded on its own, far below a batch of decisions, and
  // parsed first (the general parser passes over a body already parsed).
  app.use(`/${OPENLINEAGE_PATH}`, bodyLimitSetBy('ATTEST_OPENLINEAGE_MAX_EVENT_BYTES', json({ limit: config.openLineage.maxEventBytes })));
  app.useBodyParser('json', { limit: `${config.maxRequestMb}mb` });
  return app;
}

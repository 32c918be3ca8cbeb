import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationIdMiddleware, type AttestConfig } from '@attest/core';
import { AppModule } from './app.module';

/** Builds the API application; main.ts and the end-to-end tests share it. */
export async function createApp(config: AttestConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: levelsFrom(config.logLevel),
    bodyParser: true,
  });
  app.use(correlationIdMiddleware);
  app.useBodyParser('json', { limit: `${config.maxRequestMb}mb` });
  return app;
}

function levelsFrom(level: AttestConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

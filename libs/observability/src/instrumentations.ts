import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/**
 * What Attest traces, chosen for cost and for what a span may hold. No fs, dns or net: they would
 * multiply the spans of every request and tell an operator nothing the others do not. Every option
 * that could copy values into a span is off: decision content and personal data never leave Attest
 * through a trace (docs/monitoring.md, "What is never recorded").
 */
export function attestInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      // Health probes and the console's static files are not worth a trace each.
      ignoreIncomingRequestHook: (request) => /^\/(health|assets\/|favicon)/.test(request.url ?? ''),
    }),
    // Route handlers only: a span per middleware would be most of a request's spans.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
    new NestInstrumentation(),
    // The document's literals are replaced by '*', variables are never read (allowValues: false);
    // one span per resolver would cost more than the statements it runs.
    new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, mergeItems: true }),
    // Statement text only (parameterised: no values); parameters are left out (enhancedDatabaseReporting: false).
    // A query outside any trace (a periodic sweep's poll) makes no span of its own.
    new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true }),
    // The command name only: BullMQ's scripts carry the job's payload as arguments.
    new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
  ];
}

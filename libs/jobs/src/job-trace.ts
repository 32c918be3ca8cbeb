import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * A job continues the trace of the request that enqueued it: the active context travels in the
 * payload's `traceContext` field (a W3C carrier: traceparent, tracestate), written on enqueue and
 * taken off before the handler sees the payload, in both modes. A payload that is not an object
 * (none of Attest's) travels without. With tracing off, the context is empty and nothing is added.
 */
export const TRACE_CONTEXT_FIELD = 'traceContext';

const tracer = trace.getTracer('@attest/jobs');

/** Where the job goes: 'bullmq' on Redis, 'attest.in-process' in the embedded default. */
export type MessagingSystem = 'bullmq' | 'attest.in-process';

/**
 * Runs `add` inside a producer span for the queue; `stamp` writes the span's context into a payload.
 * The span names the queue and the tenant, never the payload's content.
 */
export function tracedEnqueue<R>(
  system: MessagingSystem,
  queue: string,
  payloads: unknown[],
  add: (stamp: (data: unknown) => unknown) => Promise<R>,
): Promise<R> {
  const attributes: Attributes = {
    'messaging.system': system,
    'messaging.operation.type': 'send',
    'messaging.destination.name': queue,
    'messaging.batch.message_count': payloads.length,
    ...tenantOf(payloads[0]),
  };
  return tracer.startActiveSpan(`send ${queue}`, { kind: SpanKind.PRODUCER, attributes }, (span) =>
    ended(span, () => add((data) => withTraceContext(data))),
  );
}

/** Runs one attempt inside a consumer span that continues the enqueuer's trace; `run` gets the payload without its carrier. */
export function tracedAttempt<R>(
  system: MessagingSystem,
  job: { id: string; queue: string; data: unknown; attempt: number },
  run: (data: unknown) => Promise<R>,
): Promise<R> {
  const { data, parent } = splitTraceContext(job.data);
  const attributes: Attributes = {
    'messaging.system': system,
    'messaging.operation.type': 'process',
    'messaging.destination.name': job.queue,
    'messaging.message.id': job.id,
    'attest.job.attempt': job.attempt,
    ...tenantOf(data),
  };
  return tracer.startActiveSpan(`process ${job.queue}`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) =>
    ended(span, () => run(data)),
  );
}

function withTraceContext(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? { ...data, [TRACE_CONTEXT_FIELD]: carrier } : data;
}

function splitTraceContext(stored: unknown): { data: unknown; parent: Context } {
  if (!isRecord(stored) || !(TRACE_CONTEXT_FIELD in stored)) return { data: stored, parent: ROOT_CONTEXT };
  const { [TRACE_CONTEXT_FIELD]: carrier, ...data } = stored;
  return { data, parent: isRecord(carrier) ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT };
}

async function ended<R>(span: Span, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/** The tenant a payload is for, when it says (every domain job does): an id, not personal data. */
function tenantOf(data: unknown): Attributes {
  return isRecord(data) && typeof data.tenantId === 'string' ? { 'attest.tenant_id': data.tenantId } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { type Attributes, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The trace this code runs in: the caller's, when its request carried a W3C traceparent (or the job
 * continues one); null when tracing is off or there is no trace. A decision records it when the
 * caller gives no traceId of its own.
 */
export function activeTraceId(): string | null {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? span.traceId : null;
}

/** Names what the current span was about (tenant, automation: ids, never content); nothing when not tracing. */
export function describeActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

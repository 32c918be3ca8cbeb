import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace';
import { attestInstrumentations } from './instrumentations';
import { JsonLinesSpanExporter } from './json-lines-span-exporter';

export interface TracingOptions {
  /** Spans go to this exporter as each ends (tests: an InMemorySpanExporter), whatever OTEL_TRACES_EXPORTER says. */
  exporter?: SpanExporter;
}
import { protectMetricsEndpoint } from './metrics-endpoint';

/**
 * OpenTelemetry starts before Nest so that instrumentation can patch modules as they load (the API
 * and the worker call this first). It is configured by the standard OTEL_* variables (exporter,
 * endpoint, OTEL_TRACES_SAMPLER…). With no traces exporter chosen, nothing is instrumented: tracing
 * then costs nothing but the SDK's start. ATTEST_TRACES_FILE (tests) appends each span to a file.
 */
export function startTracing(
  env: Record<string, string | undefined> = process.env,
  serviceName = 'attest-api',
  options: TracingOptions = {},
): NodeSDK | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  const exporter = options.exporter ?? (env.ATTEST_TRACES_FILE ? new JsonLinesSpanExporter(env.ATTEST_TRACES_FILE) : undefined);
  const tracing = exporter !== undefined || exportsTraces(env.OTEL_TRACES_EXPORTER);
  env.OTEL_TRACES_EXPORTER ??= 'none';
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_SERVICE_NAME ??= serviceName;
  // Metrics: the Prometheus endpoint behind ATTEST_METRICS_TOKEN when set (docs/monitoring.md "Metrics").
  protectMetricsEndpoint(env);
  const sdk = new NodeSDK({
    ...(exporter ? { spanProcessors: [new SimpleSpanProcessor({ exporter })] } : {}),
    instrumentations: tracing ? attestInstrumentations() : [],
  });
  sdk.start();
  return sdk;
}

/** Unset means none here (the SDK's own default would be OTLP to localhost). */
function exportsTraces(setting: string | undefined): boolean {
  return (setting ?? '')
    .split(',')
    .map((name) => name.trim())
    .some((name) => name !== '' && name !== 'none');
}

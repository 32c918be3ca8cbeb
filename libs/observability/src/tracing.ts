import { NodeSDK } from '@opentelemetry/sdk-node';
import { protectMetricsEndpoint } from './metrics-endpoint';

/**
 * OpenTelemetry starts before Nest so that instrumentation can patch modules as they load (the API
 * and the worker call this first). It is configured by the standard OTEL_* variables; with no
 * exporter chosen, nothing is exported.
 */
export function startTracing(env: Record<string, string | undefined> = process.env, serviceName = 'attest-api'): NodeSDK | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  env.OTEL_TRACES_EXPORTER ??= 'none';
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_SERVICE_NAME ??= serviceName;
  // Metrics: the Prometheus endpoint behind ATTEST_METRICS_TOKEN when set (docs/monitoring.md "Metrics").
  protectMetricsEndpoint(env);
  const sdk = new NodeSDK();
  sdk.start();
  return sdk;
}

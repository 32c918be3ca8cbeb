import { metrics, type Meter } from '@opentelemetry/api';

/**
 * The one way a context gets its meter: `attest-<context>` as the instrumentation scope, so a
 * scrape shows which context owns a series (otel_scope_name). Instruments are created when the
 * owning service is built, after startTracing registered the exporter; without an exporter they
 * are no-ops. Labels must stay bounded (docs/monitoring.md "Metrics": no decision or principal ids).
 */
export function attestMeter(context: string): Meter {
  return metrics.getMeter(`attest-${context}`);
}

/** Seconds, the unit Prometheus expects of durations (histogram buckets below suit API requests). */
export const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Caches an expensive observation (a query at scrape time) for `ttlMs`, so that several scrapers
 * or a short scrape interval cost one query; a failed read reports nothing rather than a stale value.
 */
export function cachedReading<T>(ttlMs: number, read: () => Promise<T>): () => Promise<T | undefined> {
  let last: { at: number; value: Promise<T | undefined> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ttlMs) last = { at: Date.now(), value: read().catch(() => undefined) };
    return last.value;
  };
}

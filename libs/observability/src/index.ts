// The apps import this before anything else, so that instrumentation patches modules as they
// load: it must stay light (no Nest, no database driver, no other @attest lib).
export { startTracing, type TracingOptions } from './tracing';
export type { SpanLine } from './json-lines-span-exporter';
export { attestMeter, cachedReading, SECONDS_BUCKETS } from './meter';

/**
 * A closed-loop load generator: N workers, each sending its next request as soon as the previous
 * one answered, for a warm-up and then a fixed measured window. Every latency of a request started
 * in the window is kept and sorted at the end (exact percentiles, no histogram buckets).
 */
export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** One request; throws when the answer is wrong (counted as an error, never as a latency). */
  op: (worker: number) => Promise<void>;
  /** Called when the measured window opens and closes (CPU meters start and stop there). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, warmupMs, durationMs, op } = options;
  const origin = now();
  const windowStart = origin + warmupMs;
  const windowEnd = windowStart + durationMs;
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let opened = false;
  let closed = false;
  const open = () => {
    if (!opened) options.onWindowStart?.();
    opened = true;
  };
  const close = () => {
    open();
    if (!closed) options.onWindowEnd?.();
    closed = true;
  };
  const startTimer = setTimeout(open, warmupMs);

  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let started = now(); started < windowEnd; started = now()) {
        try {
          await op(worker);
          if (started >= windowStart) samples.push(now() - started);
        } catch (error) {
          await new Promise((resolve) => setImmediate(resolve)); // a failing op must not starve the timers
          if (started < windowStart) continue;
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
      close(); // the first worker past the window closes it; the others finish their last request
    }),
  );
  clearTimeout(startTimer);

  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))] ?? NaN;
  return {
    concurrency,
    requests: samples.length,
    errors,
    firstError,
    perSecond: samples.length / (durationMs / 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: samples[samples.length - 1] ?? NaN,
  };
}

/** Milliseconds on the monotonic clock. */
function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

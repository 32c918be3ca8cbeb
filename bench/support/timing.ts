/** Exact percentiles of latency samples (sorted in place), in the samples' unit. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  samples.sort((a, b) => a - b);
  return {
    p50: samples[Math.floor(samples.length * 0.5)],
    p95: samples[Math.floor(samples.length * 0.95)],
    p99: samples[Math.floor(samples.length * 0.99)],
  };
}

/** Wall seconds of a synchronous piece of work, on the monotonic clock. */
export function seconds(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Runs op(0) … op(n-1) one after the other; percentiles of their durations in milliseconds. */
export function timeEach(n: number, op: (i: number) => void): Percentiles {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    op(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}

/** The same for asynchronous operations, each awaited before the next starts. */
export async function timeEachAsync(n: number, op: (i: number) => Promise<void>): Promise<Percentiles> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    await op(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}

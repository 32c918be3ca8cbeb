import { freePort } from './attest-process';

/** One scrape in Prometheus' text format: the type of each family, and the value of a series. */
export interface Scrape {
  text: string;
  /** Family name → type (counter, histogram, gauge), from the `# TYPE` lines. */
  types: Map<string, string>;
  /** Sum of the samples named `name` whose labels include every one of `labels`; undefined when none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

export function parseScrape(text: string): Scrape {
  const types = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!sample || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return {
    text,
    types,
    value(name, labels = {}) {
      const matching = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.value, 0);
    },
  };
}

/**
 * The Prometheus endpoint as an operator enables it (OTEL_METRICS_EXPORTER=prometheus), started in
 * this test process before the application, as apps/api/src/main.ts starts it before anything loads.
 */
export async function prometheusEndpoint(
  extra: Record<string, string> = {},
): Promise<{ url: string; scrape(): Promise<Scrape>; stop(): Promise<void> }> {
  const { startTracing } = await import('@attest/observability');
  const port = await freePort();
  const env = {
    OTEL_METRICS_EXPORTER: 'prometheus',
    OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
    OTEL_EXPORTER_PROMETHEUS_PORT: String(port),
    ...extra,
  };
  Object.assign(process.env, env);
  const sdk = startTracing(process.env, 'attest-api');
  const url = `http://127.0.0.1:${port}/metrics`;
  const token = extra.ATTEST_METRICS_TOKEN;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    url,
    scrape: async () => parseScrape(await (await fetch(url, { headers })).text()),
    stop: async () => {
      await sdk?.shutdown();
      for (const key of Object.keys(env)) delete process.env[key];
    },
  };
}

import { randomBytes } from 'node:crypto';
import { attestMeter, startTracing } from '@attest/observability';
import { freePort } from './support/attest-process';
import { prometheusEndpoint } from './support/prometheus';

/**
 * ATTEST_METRICS_TOKEN puts the Prometheus endpoint (same host, port and /metrics path) behind a
 * bearer token: without it, or with another, a scrape gets 401 and no series; the exporter itself
 * moves to the loopback interface.
 */
describe('the Prometheus endpoint behind ATTEST_METRICS_TOKEN', () => {
  const token = randomBytes(24).toString('hex');
  let endpoint: Awaited<ReturnType<typeof prometheusEndpoint>>;

  beforeAll(async () => {
    endpoint = await prometheusEndpoint({ ATTEST_METRICS_TOKEN: token, ATTEST_METRICS_INTERNAL_PORT: String(await freePort()) });
    attestMeter('test').createCounter('attest.test.scraped', { description: 'A counter this test adds to' }).add(3, { case: 'token' });
  });
  afterAll(async () => {
    await endpoint.stop();
  });

  it('answers the token holder with the metrics', async () => {
    const s = await endpoint.scrape();
    expect(s.types.get('attest_test_scraped_total')).toBe('counter');
    expect(s.value('attest_test_scraped_total', { case: 'token' })).toBe(3);
  });

  it.each([
    ['no Authorization header', {}],
    ['another token', { authorization: `Bearer ${token}x` }],
    ['another scheme', { authorization: `Basic ${token}` }],
  ])('refuses a scrape with %s', async (_case, headers: Record<string, string>) => {
    const response = await fetch(endpoint.url, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.text()).not.toContain('attest_');
  });

  it('refuses to start with a token and another exporter, or a short token', () => {
    expect(() => startTracing({ ATTEST_METRICS_TOKEN: token, OTEL_METRICS_EXPORTER: 'otlp' })).toThrow(/OTEL_METRICS_EXPORTER=prometheus/);
    expect(() => startTracing({ ATTEST_METRICS_TOKEN: 'short', OTEL_METRICS_EXPORTER: 'prometheus' })).toThrow(/at least 16/);
  });
});

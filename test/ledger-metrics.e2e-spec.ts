import { randomBytes } from 'node:crypto';
import { freePort, httpCaller } from './support/attest-process';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { processHarness } from './support/process-harness';
import { ok } from './support/test-app';
import { until } from './support/until';

/**
 * Sequencing lag is a metric where the sealing happens: the built processes with the standard
 * OpenTelemetry variables (here the Prometheus exporter) publish attest.ledger.sequencing_lag and
 * attest.ledger.leaves_sealed once leaves are sealed — the API in-process, or a worker with Redis.
 */
describe('the sequencing lag is exported as an OpenTelemetry metric', () => {
  const harness = processHarness();

  const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const metricsEnv = (port: number) => ({
    OTEL_METRICS_EXPORTER: 'prometheus',
    OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
    OTEL_EXPORTER_PROMETHEUS_PORT: String(port),
  });

  async function recordAndScrape(apiPort: number, metricsPort: number): Promise<string> {
    const api = httpCaller(apiPort, harness.adminKey);
    const f = await automationFixture(api);
    ok(await api.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    return until(
      async () => {
        const text = await scrape(metricsPort).catch(() => '');
        return /attest_ledger_leaves_sealed_total\{[^}]*\} [1-9]/.test(text) ? text : undefined;
      },
      'the sealed leaves to be counted',
      30_000,
    );
  }

  it('in-process: the API that seals exports the lag histogram and the count of sealed leaves', async () => {
    const metricsPort = await freePort();
    const api = await harness.start('api', { ...harness.baseEnv(), ...metricsEnv(metricsPort) });
    const text = await recordAndScrape(api.port!, metricsPort);
    expect(text).toMatch(/# HELP attest_ledger_sequencing_lag Time from a leaf being written/);
    expect(text).toMatch(/attest_ledger_sequencing_lag_count\{[^}]*\} [1-9]/);
    expect(text).toMatch(/attest_ledger_sequencing_lag_bucket\{[^}]*le="\+Inf"[^}]*\} [1-9]/);
  });

  if (process.env.REDIS_URL) {
    it('with Redis: the worker that seals exports them', async () => {
      const env = {
        ...harness.baseEnv(),
        REDIS_URL: process.env.REDIS_URL!,
        ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      };
      const api = await harness.start('api', env);
      const metricsPort = await freePort();
      await harness.start('worker', { ...env, ...metricsEnv(metricsPort) });
      const text = await recordAndScrape(api.port!, metricsPort);
      expect(text).toMatch(/attest_ledger_sequencing_lag_count\{[^}]*\} [1-9]/);
      expect(text).toMatch(/service_name="attest-worker"/);
    });
  }
});

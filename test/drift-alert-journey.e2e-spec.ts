import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { MonitorEvaluationSweeper } from '@attest/monitoring';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';
import { webhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;
const DEFINE = `mutation($i: DefineMonitorInput!) { defineMonitor(input: $i) { id state } }`;
const MONITORS = `query($v: ID) { monitors(automationVersionId: $v) { id state value } }`;
const INGEST = `mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }`;
const INGEST_JOB = `query($id: ID!) { ingestJob(id: $id) { status processed } }`;
const STATISTICS = `query($v: ID!, $from: String!, $to: String!) {
  automationVersionStatistics(automationVersionId: $v, from: $from, to: $to) { day decisions } }`;

const DAY_MS = 86_400_000;
/** Ten confidences, one per bucket (0.05, 0.15, … 0.95): the distribution the model was validated on. */
const spread = (i: number) => 0.05 + (i % 10) / 10;

/**
 * The journey of docs/monitoring.md end to end, as clients and the scheduled evaluation drive it (in
 * Redis with a worker, or in-process on the embedded default): history and today's decisions are
 * ingested; a shift in confidence raises the monitor's alert, which reaches a webhook; the default
 * pack sends the next decision to review; more normal decisions bring the window back, the monitor
 * recovers, the recovery reaches the webhook, and the next decision is not reviewed.
 */
describe(`a drifting automation (${process.env.REDIS_URL ? 'Redis and a worker' : 'in-process jobs'})`, () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let f: AutomationFixture;
  let hooks: WebhookReceiver;
  let round = Math.floor(Date.now() / 1000);
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    hooks = await webhookReceiver();
    t = await startTestApp({
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
      ATTEST_LEDGER_SEQUENCE_EVERY_MS: '100',
    });
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    f = await automationFixture(t);
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "drift journey") { digest } }'));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await hooks?.close();
  });

  /** Ingests the decisions and waits until the job completed and the ledger sealed them into the statistics. */
  const ingest = async (decisions: Record<string, unknown>[], day: string, sealedThatDay: number) => {
    const { id } = ok(await t.gql(f.service.key, INGEST, { i: { decisions } })).ingestDecisions;
    await until(
      async () => (ok(await t.gql(f.service.key, INGEST_JOB, { id })).ingestJob.status === 'COMPLETED' ? true : undefined),
      `ingest ${id} to complete`,
      120_000,
    );
    await sealedUntil(day, sealedThatDay);
  };
  const sealedUntil = (day: string, decisions: number) =>
    until(
      async () => {
        const days = ok(await t.gql(t.adminKey, STATISTICS, { v: f.automationVersionId, from: day, to: day })).automationVersionStatistics;
        return days[0]?.decisions === decisions ? true : undefined;
      },
      `${decisions} decisions of ${day} to be sealed into the statistics`,
      120_000,
    );
  /** A round of the scheduled evaluation (what the sweep enqueues each minute), then the monitor's state once the job ran. */
  const evaluatedAs = async (monitorId: string, state: string) => {
    await t.app.get(MonitorEvaluationSweeper).sweep(++round);
    return until(
      async () => {
        const monitor = ok(await t.gql(t.adminKey, MONITORS, { v: f.automationVersionId })).monitors.find(
          (m: { id: string }) => m.id === monitorId,
        );
        return monitor.state === state ? monitor : undefined;
      },
      `the monitor to be evaluated as ${state}`,
      120_000,
    );
  };
  const record = async (confidence: number) =>
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence }) })).recordDecision.decision;
  const hook = (n: number) => until(async () => hooks.received[n - 1], `webhook ${n}`, 60_000);

  it('alerts on a confidence shift, sends decisions to review while it lasts, and recovers', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    ok(
      await t.gql(t.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: hooks.url, events: ['MONITOR_ALERT', 'MONITOR_RECOVERED'] },
      }),
    );
    const monitor = ok(
      await t.gql(officer.key, DEFINE, {
        i: { automationVersionId: f.automationVersionId, metric: 'CONFIDENCE_PSI', referenceDecisions: 200, windowDays: 1 },
      }),
    ).defineMonitor;

    // History: the version's first 200 decisions, made ten days ago and loaded now; then 200 of today, alike.
    const tenDaysAgo = new Date(Date.now() - 10 * DAY_MS);
    const history = Array.from({ length: 200 }, (_, i) =>
      decisionInput(f, { confidence: spread(i), occurredAt: tenDaysAgo.toISOString() }),
    );
    await ingest(history, tenDaysAgo.toISOString().slice(0, 10), 200);
    await ingest(
      Array.from({ length: 200 }, (_, i) => decisionInput(f, { confidence: spread(i) })),
      today,
      200,
    );
    expect((await evaluatedAs(monitor.id, 'OK')).value).toBe(0);
    const before = await record(0.97);
    expect(before.status).toBe('RECORDED');

    // The shift: 100 decisions at 0.97. Today's window is 301 decisions, 121 of them in the last bucket:
    // PSI = (121/301 − 0.1) ln((121/301) / 0.1) + 9 (20/301 − 0.1) ln((20/301) / 0.1) ≈ 0.54, over 0.25.
    await ingest(
      Array.from({ length: 100 }, () => decisionInput(f, { confidence: 0.97 })),
      today,
      301,
    );
    const q9 = 121 / 301;
    const qi = 20 / 301;
    const alerting = await evaluatedAs(monitor.id, 'ALERT');
    expect(alerting.value).toBeCloseTo((q9 - 0.1) * Math.log(q9 / 0.1) + 9 * (qi - 0.1) * Math.log(qi / 0.1), 10);
    const alert = await hook(1);
    expect(alert.event).toBe('monitor.alert');
    expect(alert.body.monitor).toMatchObject({ id: monitor.id, metric: 'confidence_psi', state: 'alert', previousState: 'ok' });

    // While it lasts, the default pack sends even a confident decision to a human, and says why.
    const during = await record(0.97);
    expect(during.status).toBe('PENDING_REVIEW');
    expect(during.policyEvaluation.matched.map((p: { id: string }) => p.id)).toEqual(['confidence-drift-review']);

    // 1,000 more decisions as validated bring today's window back under the warning threshold.
    await ingest(
      Array.from({ length: 1000 }, (_, i) => decisionInput(f, { confidence: spread(i) })),
      today,
      1302,
    );
    await evaluatedAs(monitor.id, 'OK');
    const recovered = await hook(2);
    expect(recovered.event).toBe('monitor.recovered');
    expect(recovered.body.monitor).toMatchObject({ id: monitor.id, state: 'ok', previousState: 'alert' });
    const after = await record(0.97);
    expect(after.status).toBe('RECORDED');
    expect(after.policyEvaluation.matched).toEqual([]);
  });
});

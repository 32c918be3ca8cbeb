import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Injectable, Module, type INestApplicationContext, type OnModuleInit } from '@nestjs/common';
import { defineJob, JobHandlerRegistry, JobQueue, type JobHandler } from '@attest/jobs';
import { MonitorEvaluationSweeper } from '@attest/monitoring';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { prometheusEndpoint, type Scrape } from './support/prometheus';
import { errorCode, listeningPort, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;
const NAMED_RECORD = RECORD.replace('mutation(', 'mutation RecordForMetrics(');
const WEBHOOK_QUEUE = 'webhooks';
const FAILING_JOB = defineJob<{ n: number }>('metrics-test-failing');

/** A job that always fails: the runner retries it, then gives it up (a dead letter). */
@Injectable()
class FailingHandler implements JobHandler<{ n: number }>, OnModuleInit {
  readonly queue = FAILING_JOB.queue;
  constructor(private readonly registry: JobHandlerRegistry) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(): Promise<void> {
    return Promise.reject(new Error('this job always fails'));
  }
}

@Module({ providers: [FailingHandler] })
class FailingJobModule {}

/**
 * The Prometheus endpoint after real work, in the mode the environment gives (BullMQ in Redis with a
 * worker; the in-process runner on the embedded default): each family is exported with its type,
 * and moves after the action that owns it.
 */
describe(`metrics (${process.env.REDIS_URL ? 'Redis and a worker' : 'in-process jobs'})`, () => {
  let endpoint: Awaited<ReturnType<typeof prometheusEndpoint>>;
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let f: AutomationFixture;
  let failing: Server;
  let failingUrl: string;

  const scrapeUntil = (what: string, test: (s: Scrape) => boolean): Promise<Scrape> =>
    until(
      async () => {
        const s = await endpoint.scrape();
        return test(s) ? s : undefined;
      },
      what,
      60_000,
    );

  beforeAll(async () => {
    endpoint = await prometheusEndpoint();
    failing = createServer((_req, res) => res.writeHead(503).end('down'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hooks`;
    t = await startTestApp({
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_WEBHOOK_ATTEMPTS: '2',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      ATTEST_LEDGER_SEQUENCE_EVERY_MS: '100',
    });
    if (t.config.redisUrl) {
      // The worker as apps/worker builds it, with one more handler: a job that always fails.
      const composition = {
        module: class MetricsWorker {},
        imports: [WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), FailingJobModule],
      };
      worker = await NestFactory.createApplicationContext(composition, { logger: false });
    } else {
      new FailingHandler(t.app.get(JobHandlerRegistry)).onModuleInit();
    }
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await new Promise((resolve) => failing?.close(resolve));
    await endpoint?.stop();
  });

  it('counts decisions by automation and status, and the policies that matched them by id and effect', async () => {
    const labels = { automation_id: f.automationId, status: 'pending_review' };
    const before = (await endpoint.scrape()).value('attest_decisions_recorded_total', labels) ?? 0;
    const recorded = ok(await t.gql(f.service.key, NAMED_RECORD, { i: decisionInput(f, { confidence: 0.4 }) })).recordDecision;
    expect(recorded.decision.status).toBe('PENDING_REVIEW');
    const policyId: string = recorded.decision.policyEvaluation.matched.find((p: { effect: string }) => p.effect === 'REQUIRE_REVIEW').id;

    const s = await endpoint.scrape();
    expect(s.types.get('attest_decisions_recorded_total')).toBe('counter');
    expect(s.value('attest_decisions_recorded_total', labels)).toBe(before + 1);
    expect(s.types.get('attest_policy_effects_total')).toBe('counter');
    expect(s.value('attest_policy_effects_total', { policy_id: policyId, effect: 'require_review' })).toBeGreaterThanOrEqual(1);
    // A replay of the same idempotency key writes nothing, and counts nothing.
    const replay = decisionInput(f, { confidence: 0.95 });
    ok(await t.gql(f.service.key, RECORD, { i: replay }));
    const once = (await endpoint.scrape()).value('attest_decisions_recorded_total', { automation_id: f.automationId, status: 'recorded' });
    ok(await t.gql(f.service.key, RECORD, { i: replay }));
    expect((await endpoint.scrape()).value('attest_decisions_recorded_total', { automation_id: f.automationId, status: 'recorded' })).toBe(
      once,
    );
  });

  it('reads the review backlog per automation from the database at scrape time, and a review takes a decision off it', async () => {
    const pending = (x: Scrape) => x.value('attest_reviews_pending', { automation_id: f.automationId }) ?? 0;
    const id: string = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.3 }) })).recordDecision.decision.id;
    const s = await scrapeUntil('the backlog to show', (x) => pending(x) === 2);
    expect(s.types.get('attest_reviews_pending')).toBe('gauge');
    expect(s.types.get('attest_reviews_oldest_age')).toBe('gauge');
    expect(s.value('attest_reviews_oldest_age', { automation_id: f.automationId })).toBeGreaterThanOrEqual(0);
    // Once the few seconds' cache has passed, the reviewed decision is off the backlog.
    const officer = await principalWithRole(t, 'compliance_officer');
    ok(await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "fine") { id } }', { id }));
    await scrapeUntil('the reviewed decision to leave the backlog', (x) => pending(x) === 1);
  });

  it('counts failed webhook deliveries, and the attempts, retries, duration and depth of their job queue', async () => {
    ok(await t.gql(t.adminKey, SUBSCRIBE, { i: { automationId: f.automationId, url: failingUrl, events: ['DECISION_RECORDED'] } }));
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    // The handler counts the final failure before its attempt returns to the runner, which then
    // counts the attempt: wait for both, or a scrape between the two sees one attempt.
    const s = await scrapeUntil(
      'the delivery to be given up and its last attempt counted',
      (x) =>
        (x.value('attest_webhooks_delivery_failures_total', { final: 'true' }) ?? 0) >= 1 &&
        (x.value('attest_jobs_duration_count', { queue: WEBHOOK_QUEUE }) ?? 0) >= 2,
    );
    expect(s.types.get('attest_webhooks_delivery_failures_total')).toBe('counter');
    expect(s.value('attest_webhooks_delivery_failures_total', { final: 'false' })).toBeGreaterThanOrEqual(1);
    expect(s.types.get('attest_jobs_attempts_total')).toBe('counter');
    expect(s.value('attest_jobs_attempts_total', { queue: WEBHOOK_QUEUE, outcome: 'retry' })).toBeGreaterThanOrEqual(1);
    expect(s.types.get('attest_jobs_duration')).toBe('histogram');
    expect(s.value('attest_jobs_duration_count', { queue: WEBHOOK_QUEUE })).toBeGreaterThanOrEqual(2);
    expect(s.types.get('attest_jobs_queue_depth')).toBe('gauge');
    expect(s.value('attest_jobs_queue_depth', { queue: WEBHOOK_QUEUE })).toBeGreaterThanOrEqual(0);
  });

  it('counts a job that fails every attempt as retried, then as a dead letter', async () => {
    const queue = FAILING_JOB.queue;
    await t.app.get(JobQueue).enqueue(FAILING_JOB, { n: 1 }, { attempts: 3, backoffMs: 20 });
    const s = await scrapeUntil(
      'the job to be given up and off its queue',
      // The runner counts the attempt before BullMQ moves the job to failed: wait for both.
      (x) =>
        (x.value('attest_jobs_attempts_total', { queue, outcome: 'dead_letter' }) ?? 0) >= 1 &&
        x.value('attest_jobs_queue_depth', { queue }) === 0,
    );
    expect(s.value('attest_jobs_attempts_total', { queue, outcome: 'retry' })).toBe(2);
    expect(s.value('attest_jobs_attempts_total', { queue, outcome: 'dead_letter' })).toBe(1);
    expect(s.value('attest_jobs_attempts_total', { queue, outcome: 'completed' })).toBeUndefined();
    expect(s.value('attest_jobs_queue_depth', { queue })).toBe(0);
    // A queue with a handler is exported from start, before any job of it.
    expect(s.value('attest_jobs_queue_depth', { queue: 'policy.simulation' })).toBe(0);
  });

  it('times GraphQL operations by name and REST requests by route, and counts errors by code', async () => {
    expect(errorCode(await t.gql('not-a-key', 'query Nobody { __typename }'))).toBe('UNAUTHENTICATED');
    const health = await fetch(`http://127.0.0.1:${await listeningPort(t)}/health`);
    expect(health.status).toBe(200);
    const refused = await fetch(`http://127.0.0.1:${await listeningPort(t)}/api/v1/decisions.csv`);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([401, 'UNAUTHENTICATED']);
    const s = await endpoint.scrape();
    expect(s.types.get('attest_graphql_operation_duration')).toBe('histogram');
    expect(s.value('attest_graphql_operation_duration_count', { operation: 'RecordForMetrics', type: 'mutation' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(s.types.get('attest_http_route_duration')).toBe('histogram');
    expect(s.value('attest_http_route_duration_count', { route: '/health', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(s.types.get('attest_api_errors_total')).toBe('counter');
    expect(s.value('attest_api_errors_total', { surface: 'graphql', code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    // A REST error counts by the code its body carries, as GraphQL's do.
    expect(s.value('attest_api_errors_total', { surface: 'rest', code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
  });

  it('exports the ledger sequencing lag, the last verification, and the database pool', async () => {
    ok(await t.gql(t.adminKey, 'mutation { startLedgerVerification { id } }'));
    const s = await scrapeUntil(
      'a sealed leaf and a finished verification',
      (x) => (x.value('attest_ledger_sequencing_lag_count') ?? 0) >= 1 && x.value('attest_ledger_last_verification') !== undefined,
    );
    expect(s.types.get('attest_ledger_sequencing_lag')).toBe('histogram');
    expect(s.types.get('attest_ledger_last_verification')).toBe('gauge');
    expect(s.value('attest_ledger_last_verification', { status: 'succeeded' })).toBeGreaterThan(Date.now() / 1000 - 600);
    // The pool as it is right after a request: its connection is back, idle (waiting for the seal and the
    // verification may take longer than the pool keeps an idle connection on a busy machine).
    ok(await t.gql(t.adminKey, '{ me { id } }'));
    const pool = await scrapeUntil('an idle pool connection', (x) => (x.value('attest_db_pool_connections', { state: 'idle' }) ?? 0) >= 1);
    expect(pool.types.get('attest_db_pool_connections')).toBe('gauge');
    expect(pool.value('attest_db_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
    expect(pool.value('attest_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(pool.value('attest_db_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
  });

  it("exports each drift monitor's state and value, and counts its state changes", async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const DEFINE = 'mutation($i: DefineMonitorInput!) { defineMonitor(input: $i) { id } }';
    ok(
      await t.gql(officer.key, DEFINE, {
        i: { automationVersionId: f.automationVersionId, metric: 'BLOCKED_RATE', windowDays: 1, referenceDecisions: 1 },
      }),
    );
    const labels = { automation_version_id: f.automationVersionId, metric: 'blocked_rate' };
    // A round of the scheduled evaluation, run where jobs run, once the tests' decisions are sealed into today's statistics.
    let swept = 0;
    // The tests above blocked no decision: the monitor goes from no_data to ok.
    const s = await scrapeUntil('the monitor to be ok', (x) => {
      if ((x.value('attest_monitors_state_changes_total', { metric: 'blocked_rate', from: 'no_data', to: 'ok' }) ?? 0) >= 1)
        return x.value('attest_monitors_state', { ...labels, state: 'ok' }) === 1;
      if (Date.now() - swept > 1000) void t.app.get(MonitorEvaluationSweeper).sweep((swept = Date.now()));
      return false;
    });
    expect(s.types.get('attest_monitors_state')).toBe('gauge');
    expect(s.types.get('attest_monitors_value')).toBe('gauge');
    expect(s.types.get('attest_monitors_state_changes_total')).toBe('counter');
    expect(s.value('attest_monitors_state', { ...labels, automation_id: f.automationId, state: 'no_data' })).toBeUndefined();
    expect(s.value('attest_monitors_value', labels)).toBe(0);
  });

  // Last: the tests above exercised a decision, a review, jobs, a webhook failure and a verification.
  it('exports every metric the Grafana dashboard and the Prometheus alert rules name', async () => {
    const dashboard = JSON.parse(readFileSync(resolve(__dirname, '../docs/grafana/attest.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const rules = (
      parse(readFileSync(resolve(__dirname, '../docs/prometheus/alerts.yml'), 'utf8')) as {
        groups: { rules: { alert: string; expr: string }[] }[];
      }
    ).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining(['AttestLedgerSequencingLag', 'AttestJobDeadLetters', 'AttestReviewBacklogOld', 'AttestApiErrorRate']),
    );
    const named = metricNames([...dashboard.panels.flatMap((p) => p.targets.map((x) => x.expr)), ...rules.map((r) => r.expr)]);
    expect(named.length).toBeGreaterThan(10);
    const s = await endpoint.scrape();
    expect(named.filter((name) => familyOf(name, s) === undefined)).toEqual([]);
    // And every family Attest exports is on the dashboard.
    const exported = [...s.types.keys()].filter((name) => name.startsWith('attest_') && !name.startsWith('attest_sign_in'));
    expect(exported.filter((family) => !named.some((name) => familyOf(name, s) === family))).toEqual([]);
  });
});

/** The family a sample name belongs to: histogram series carry _bucket, _count or _sum. */
function familyOf(name: string, s: Scrape): string | undefined {
  if (s.types.has(name)) return name;
  const base = name.replace(/_(bucket|count|sum)$/, '');
  return s.types.get(base) === 'histogram' ? base : undefined;
}

/** Every attest_* metric a PromQL expression names. */
function metricNames(expressions: string[]): string[] {
  return [...new Set(expressions.flatMap((e) => e.match(/\battest_[a-z0-9_]+/g) ?? []))].sort();
}

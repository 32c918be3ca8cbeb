import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { verifyWebhook } from '../libs/decisions/src/webhooks/webhook-signature';
import { WebhookOutboxSweeper } from '../libs/decisions/src/webhooks/webhook-outbox.sweeper';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { withClient } from './support/test-database';
import { until } from './support/until';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real HTTP receiver that answers each request with the next status of its script (then the last one). */
async function receiver(script: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const answered = script[Math.min(received.length, script.length - 1)];
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'thanks' : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id events active } } }`;
const DELIVERIES = `query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 50) { edges { node {
  id decisionId event status attempts completedAt attemptLog { attempt statusCode error durationMs responseSnippet } } } } }`;

/** Both ways to run: BullMQ in Redis with a worker, and in-process as on the embedded default. */
const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['Redis and a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['in-process', ''],
];

describe.each(MODES)('webhooks (%s): signed, retried with backoff, delivery attempts queryable', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  const deliveries = async (subscriptionId: string) =>
    ok(await t.gql(t.adminKey, DELIVERIES, { s: subscriptionId })).webhookDeliveries.edges.map(
      (e: { node: Record<string, any> }) => e.node,
    );
  const subscribe = async (url: string, events: string[]) =>
    ok(await t.gql(t.adminKey, SUBSCRIBE, { i: { automationId: f.automationId, url, events } })).createWebhookSubscription as {
      secret: string;
      subscription: { id: string };
    };

  beforeAll(async () => {
    t = await startTestApp({
      REDIS_URL: redisUrl,
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_WEBHOOK_ATTEMPTS: '4',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
      ATTEST_WEBHOOK_TIMEOUT_MS: '2000',
      // The receivers listen on loopback: the documented way to let webhooks reach a private address.
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
    });
    // With Redis the API only enqueues: a worker (here in this process, as apps/worker builds it) delivers.
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    officer = await principalWithRole(t, 'compliance_officer');
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('retries a failing receiver with backoff until it answers 2xx, signed so the receiver can verify it', async () => {
    const rx = await receiver([500, 503, 200]);
    try {
      const { secret, subscription } = await subscribe(rx.url, ['DECISION_PENDING_REVIEW', 'DECISION_REVIEWED']);
      expect(secret).toMatch(/^whsec_/);
      const { decision } = ok(
        await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.2, correlationId: 'hook-1' }) }),
      ).recordDecision;
      const [delivery] = await until(async () => {
        const list = await deliveries(subscription.id);
        return list.length === 1 && list[0].status === 'delivered' ? list : undefined;
      }, 'the delivery to succeed');

      expect(rx.received.map((r) => r.answered)).toEqual([500, 503, 200]);
      expect(delivery).toMatchObject({ decisionId: decision.id, event: 'DECISION_PENDING_REVIEW', attempts: 3 });
      expect(delivery.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 503],
        [3, 200],
      ]);
      expect(delivery.attemptLog[0]).toMatchObject({ error: 'HTTP 500', responseSnippet: null });

      const last = rx.received[2];
      expect(last.headers['attest-event']).toBe('decision.pending_review');
      expect(last.headers['attest-delivery-id']).toBe(delivery.id);
      const now = Math.floor(Date.now() / 1000);
      const signed = { signature: String(last.headers['attest-signature']), timestamp: String(last.headers['attest-timestamp']) };
      expect(verifyWebhook(secret, signed, last.body, now)).toEqual({ ok: true });
      expect(verifyWebhook(secret, signed, last.body.replace('hook-1', 'hook-2'), now)).toMatchObject({
        ok: false,
        reason: 'bad_signature',
      });
      expect(verifyWebhook(secret, signed, last.body, now + 301)).toMatchObject({ ok: false, reason: 'stale' });
      const body = JSON.parse(last.body);
      expect(body).toMatchObject({
        id: delivery.id,
        event: 'decision.pending_review',
        decision: { id: decision.id, status: 'pending_review', correlationId: 'hook-1' },
      });
      expect(JSON.stringify(body)).not.toContain('"input"');
      // Every attempt carried the same delivery id: receivers dedupe on it.
      expect(new Set(rx.received.map((r) => r.headers['attest-delivery-id']))).toEqual(new Set([delivery.id]));

      // An idempotent replay writes no second delivery; an event not subscribed to writes none.
      ok(
        await t.gql(f.service.key, RECORD, {
          i: decisionInput(f, { confidence: 0.2, correlationId: 'hook-1', idempotencyKey: 'hook-replay' }),
        }),
      );
      ok(
        await t.gql(f.service.key, RECORD, {
          i: decisionInput(f, { confidence: 0.2, correlationId: 'hook-1', idempotencyKey: 'hook-replay' }),
        }),
      );
      ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.99, correlationId: 'hook-allowed' }) }));
      await until(async () => (await deliveries(subscription.id)).length === 2 || undefined, "the replayed decision's delivery");

      // A review announces decision.reviewed with the verdict.
      ok(
        await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "checked the file") { id } }', {
          id: decision.id,
        }),
      );
      const reviewed = await until(() => rx.received.find((r) => r.headers['attest-event'] === 'decision.reviewed'), 'the review event');
      expect(JSON.parse(reviewed.body)).toMatchObject({
        decision: { id: decision.id, outcome: 'approved' },
        review: { verdict: 'approve', reviewerId: officer.id, at: expect.any(String) },
      });
      expect((await deliveries(subscription.id)).filter((d: { event: string }) => d.event === 'DECISION_PENDING_REVIEW')).toHaveLength(2);
    } finally {
      await rx.close();
    }
  });

  it('gives up after the configured attempts and marks the delivery failed', async () => {
    const rx = await receiver([500]);
    try {
      const { subscription } = await subscribe(rx.url, ['DECISION_BLOCKED']);
      ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { output: { mail: 'x.y@example.com' } }) }));
      const [failed] = await until(async () => {
        const list = await deliveries(subscription.id);
        return list[0]?.status === 'failed' ? list : undefined;
      }, 'the delivery to fail');
      expect(failed.attempts).toBe(4);
      expect(failed.attemptLog).toHaveLength(4);
      expect(rx.received).toHaveLength(4);
    } finally {
      await rx.close();
    }
  });

  it('the sweeper re-enqueues a delivery whose job was lost', async () => {
    const rx = await receiver([200]);
    try {
      const { subscription } = await subscribe(rx.url, ['DECISION_RECORDED']);
      const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.99 }) })).recordDecision;
      await until(() => rx.received.length === 1 || undefined, 'the first delivery');
      // A delivery written but never enqueued (as if the process died right after its commit).
      await withClient(t.databaseUrl, (c) =>
        c.query(
          `INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
         SELECT tenant_id, $1, $2, 'decision.reviewed', '{"lost": true}' FROM webhook_subscriptions WHERE id = $1`,
          [subscription.id, decision.id],
        ),
      );
      const sweeper = (worker ?? t.app).get(WebhookOutboxSweeper);
      expect(await sweeper.sweep('0 seconds')).toBeGreaterThanOrEqual(1);
      const lost = await until(() => rx.received.find((r) => r.body.includes('"lost":true')), 'the swept delivery');
      expect(lost.headers['attest-event']).toBe('decision.reviewed');
    } finally {
      await rx.close();
    }
  });

  it("only the automation's owner or an admin manages subscriptions; the secret is never shown again", async () => {
    const input = { automationId: f.automationId, url: 'https://example.com/hooks', events: ['DECISION_BLOCKED'] };
    expect(errorCode(await t.gql(f.service.key, SUBSCRIBE, { i: input }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(officer.key, SUBSCRIBE, { i: input }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(t.adminKey, SUBSCRIBE, { i: { ...input, url: 'ftp://example.com' } }))).toBe('VALIDATION_FAILED');
    const { subscription } = await subscribe('https://example.com/hooks', ['DECISION_BLOCKED']);
    const listed = ok(
      await t.gql(t.adminKey, `{ webhookSubscriptions(automationId: "${f.automationId}") { id url active } }`),
    ).webhookSubscriptions;
    expect(listed).toContainEqual({ id: subscription.id, url: 'https://example.com/hooks', active: true });
    expect(
      ok(await t.gql(t.adminKey, `mutation { deactivateWebhookSubscription(id: "${subscription.id}") { active } }`))
        .deactivateWebhookSubscription.active,
    ).toBe(false);
    const raw = await withClient(t.databaseUrl, (c) =>
      c.query('SELECT secret_sealed FROM webhook_subscriptions WHERE id = $1', [subscription.id]),
    );
    expect(raw.rows[0].secret_sealed).toMatch(/^v1\./);
    const audit = ok(
      await t.gql(t.adminKey, `{ auditEvents(filter: { subjectId: "${subscription.id}" }) { edges { node { action after } } } }`),
    ).auditEvents.edges;
    expect(audit.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'webhook_subscription.deactivated',
      'webhook_subscription.created',
    ]);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });
});

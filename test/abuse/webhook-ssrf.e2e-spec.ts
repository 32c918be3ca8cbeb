import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WebhookDns, type ResolvedAddress } from '../../libs/decisions/src/webhooks/target/webhook-dns';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from '../support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * Webhooks as a server-side request forgery: an automation owner must not make Attest call into
 * its own network. Nothing here sends traffic beyond loopback: public and internal addresses are
 * strings that must be refused before any connection, and the receivers listen on 127.0.0.1.
 *
 * DNS is played by a stand-in for WebhookDns (the provider the delivery resolves through): a name
 * can pass the check at subscription (which reads only the URL) and answer 127.0.0.1 at delivery,
 * which is what DNS rebinding does. The one name the allow-list opens (`allowed.attest.test`)
 * resolves to loopback too, so the tests can watch what a real receiver gets.
 */
const ALLOWED_HOST = 'allowed.attest.test';
const ANSWERS: Record<string, ResolvedAddress[]> = {
  [ALLOWED_HOST]: [{ address: '127.0.0.1', family: 4 }],
  'rebind.attest.test': [{ address: '127.0.0.1', family: 4 }],
  'mixed.attest.test': [
    { address: '93.184.216.34', family: 4 },
    { address: '127.0.0.1', family: 4 },
  ],
};
const fakeLookup = async (host: string): Promise<ResolvedAddress[]> => {
  const answer = ANSWERS[host];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answer;
};

const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateWebhookSubscription(id: $id) { id } }`;
const DELIVERIES = `query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 10) { edges { node {
  status attempts attemptLog { statusCode error durationMs responseSnippet } } } } }`;

const MAX_SUBSCRIPTIONS = 3;

/** A receiver on loopback that answers `status` with a body that must never come back to the subscriber. */
async function receiver(answer: 'status' | 'never'): Promise<{ port: number; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    if (answer === 'status') res.writeHead(500, { 'content-type': 'text/plain' }).end('redis_version:7.2.4 internal-only');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening: a receiver's port, closed again. */
async function closedPort(): Promise<number> {
  const gone = await receiver('never');
  await gone.close();
  return gone.port;
}

describe('webhook SSRF: private targets are refused at subscription and at delivery', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let owner: { id: string; key: string };
  let f: AutomationFixture;
  const subscribeAs = (key: string, url: string, automationId = f.automationId) =>
    t.gql(key, SUBSCRIBE, { i: { automationId, url, events: ['DECISION_RECORDED'] } });

  /** Subscribes, records one decision, waits until its one delivery is settled, and returns it; the subscription is deactivated after. */
  async function deliverOnce(
    url: string,
  ): Promise<{ status: string; attemptLog: { statusCode: number | null; error: string | null; responseSnippet: string | null }[] }> {
    const { id } = ok(await subscribeAs(owner.key, url)).createWebhookSubscription.subscription;
    try {
      ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
      return await until(
        async () => {
          const [delivery] = ok(await t.gql(owner.key, DELIVERIES, { s: id })).webhookDeliveries.edges.map((e: { node: any }) => e.node);
          return delivery?.status === 'failed' || delivery?.status === 'delivered' ? delivery : undefined;
        },
        `the delivery to ${url} to settle`,
        30_000,
      );
    } finally {
      ok(await t.gql(owner.key, DEACTIVATE, { id }));
    }
  }

  beforeAll(async () => {
    t = await startTestApp({
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_WEBHOOK_ATTEMPTS: '1',
      ATTEST_WEBHOOK_TIMEOUT_MS: '500',
      ATTEST_WEBHOOK_ALLOW_PRIVATE: ALLOWED_HOST,
      ATTEST_WEBHOOK_MAX_SUBSCRIPTIONS: String(MAX_SUBSCRIPTIONS),
    });
    // With Redis the API only enqueues: a worker (here in this process, as apps/worker builds it) delivers.
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    for (const context of [t.app, worker]) if (context) jest.spyOn(context.get(WebhookDns), 'lookup').mockImplementation(fakeLookup);
    owner = await principalWithRole(t, 'automation_owner');
    f = await automationFixture(t, { automationOwnerId: owner.id });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const refusedTargets: [string, RegExp][] = [
    ['http://127.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://127.0.0.1:5432/', /127\.0\.0\.1 is a loopback address/],
    ['http://2130706433/', /127\.0\.0\.1 is a loopback address/],
    ['http://0177.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://0x7f.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://127.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://[::1]/', /::1 is a loopback address/],
    ['http://[::ffff:127.0.0.1]/', /::ffff:7f00:1 is a loopback address/],
    ['http://[::ffff:7f00:1]:6379/', /::ffff:7f00:1 is a loopback address/],
    ['http://[64:ff9b::7f00:1]/', /is a loopback address/],
    ['http://0.0.0.0/', /0\.0\.0\.0 is an unspecified address/],
    ['http://[::]/', /:: is an unspecified address/],
    ['http://10.0.0.1/', /is a private address/],
    ['http://172.16.0.1/', /is a private address/],
    ['http://192.168.1.1/', /is a private address/],
    ['http://0300.0250.0.1/', /192\.168\.0\.1 is a private address/],
    ['http://[fd00::1]/', /is a private address/],
    ['http://169.254.169.254/latest/meta-data/', /is a link-local address/],
    ['http://[::ffff:169.254.169.254]/', /is a link-local address/],
    ['http://[fe80::1]/', /is a link-local address/],
    ['http://100.64.0.1/', /is a shared \(carrier-grade NAT\) address/],
    ['http://224.0.0.1/', /is a multicast address/],
    ['http://255.255.255.255/', /is a broadcast address/],
    ['http://240.0.0.1/', /is a reserved address/],
    ['http://localhost/', /localhost is an internal name/],
    ['http://localhost:5432/', /localhost is an internal name/],
    ['http://LOCALHOST./', /localhost is an internal name/],
    ['http://api.localhost/', /api\.localhost is an internal name/],
    ['http://metadata.google.internal/computeMetadata/v1/', /metadata\.google\.internal is an internal name/],
  ];

  it.each(refusedTargets)('refuses a subscription to %s with VALIDATION_FAILED, naming why', async (url, why) => {
    const response = await subscribeAs(owner.key, url);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(why);
    expect(response.errors?.[0].message).toMatch(
      /webhooks reach only public (addresses|hosts), unless ATTEST_WEBHOOK_ALLOW_PRIVATE allows it/,
    );
  });

  it('stores none of the refused subscriptions', async () => {
    const listed = ok(
      await t.gql(owner.key, `query($a: ID!) { webhookSubscriptions(automationId: $a) { url } }`, { a: f.automationId }),
    ).webhookSubscriptions;
    expect(listed).toEqual([]);
  });

  it('refuses delivery to a name that resolves to 127.0.0.1 by then (DNS rebinding): nothing reaches the receiver listening there', async () => {
    const rx = await receiver('status');
    try {
      for (const host of ['rebind.attest.test', 'mixed.attest.test']) {
        // The URL alone passes: the name is not internal, and the subscription does not resolve it.
        const delivery = await deliverOnce(`http://${host}:${rx.port}/hook`);
        expect(delivery).toMatchObject({
          status: 'failed',
          attemptLog: [{ statusCode: null, error: "refused: the receiver's address is not public (loopback)" }],
        });
      }
      expect(rx.hits()).toBe(0);
    } finally {
      await rx.close();
    }
  });

  it("delivers to 127.0.0.1 only where the allow-list names the host, and never shows the answer's body", async () => {
    const rx = await receiver('status');
    try {
      const delivery = await deliverOnce(`http://${ALLOWED_HOST}:${rx.port}/hook`);
      expect(rx.hits()).toBe(1);
      expect(delivery.attemptLog).toEqual([expect.objectContaining({ statusCode: 500, error: 'HTTP 500', responseSnippet: null })]);
      expect(JSON.stringify(delivery)).not.toContain('redis_version');
    } finally {
      await rx.close();
    }
  });

  it('reports a closed port, a receiver that never answers and a name that does not resolve with one and the same text', async () => {
    const silent = await receiver('never');
    try {
      const urls = [
        `http://${ALLOWED_HOST}:${await closedPort()}/`,
        `http://${ALLOWED_HOST}:${silent.port}/`,
        'http://nxdomain.attest.test/',
      ];
      const errors = [];
      for (const url of urls) errors.push((await deliverOnce(url)).attemptLog.map((a) => [a.statusCode, a.error]));
      expect(silent.hits()).toBe(1); // the timeout case did reach its receiver
      expect(errors).toEqual(urls.map(() => [[null, 'the receiver could not be reached']]));
    } finally {
      await silent.close();
    }
  });

  it(`caps an automation at ${MAX_SUBSCRIPTIONS} active subscriptions, and says so`, async () => {
    const capped = await automationFixture(t, { automationOwnerId: owner.id });
    const ids: string[] = [];
    for (let n = 0; n < MAX_SUBSCRIPTIONS; n += 1) {
      ids.push(
        ok(await subscribeAs(owner.key, `https://hooks.example.com/${n}`, capped.automationId)).createWebhookSubscription.subscription.id,
      );
    }
    const over: GraphQLResponse = await subscribeAs(owner.key, 'https://hooks.example.com/over', capped.automationId);
    expect(errorCode(over)).toBe('CONFLICT');
    expect(over.errors?.[0].message).toBe(
      `An automation may have at most ${MAX_SUBSCRIPTIONS} active webhook subscriptions (ATTEST_WEBHOOK_MAX_SUBSCRIPTIONS); deactivate one first`,
    );
    ok(await t.gql(owner.key, DEACTIVATE, { id: ids[0] }));
    ok(await subscribeAs(owner.key, 'https://hooks.example.com/over', capped.automationId));
  });
});

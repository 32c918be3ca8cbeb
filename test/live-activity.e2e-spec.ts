import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { listeningPort, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const ACTIVITY = 'subscription { activity { decisions reviews at } }';

/** docs/api.md "Live updates": the `activity` subscription over graphql-ws. */
describe('live updates over graphql-ws', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    f = await automationFixture(t, { oversightMode: 'REQUIRED' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "live updates") { digest } }'));
    url = `ws://127.0.0.1:${await listeningPort(t)}/graphql`;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t?.close();
  });

  /** A client authenticated as a script would be (an API key), or as a browser from `origin`. */
  const connect = (headers: Record<string, string>) => {
    const client = createClient({
      url,
      lazy: true,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
    });
    clients.push(client);
    return client;
  };
  /** Subscribes; every payload received (data or errors) lands in `received`. */
  const subscribe = (client: Client, query = ACTIVITY) => {
    const received: { data?: any; errors?: any[] }[] = [];
    const closed: unknown[] = [];
    const stop = client.subscribe(
      { query },
      { next: (r) => received.push(r as never), error: (e) => closed.push(e), complete: () => undefined },
    );
    return { received, closed, stop };
  };

  it('hints a reviewer that the queue changed when a decision is sent to review, and again when it is reviewed', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const live = subscribe(connect({ authorization: `Bearer ${officer.key}` }));
    // The watch takes its first reading within a second; a decision recorded after that moves it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    const [first] = await until(async () => (live.received.length > 0 ? live.received : undefined), 'the first hint', 60_000);
    expect(first.errors).toBeUndefined();
    expect(first.data.activity).toMatchObject({ decisions: true, reviews: true, at: expect.any(String) });

    const seen = live.received.length;
    ok(
      await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "fine") { id } }', {
        id: decision.id,
      }),
    );
    const next = await until(async () => live.received[seen], 'the hint of the review', 60_000);
    expect(next.data.activity).toMatchObject({ decisions: false, reviews: true });
    live.stop();
  });

  it('refuses an unauthenticated subscriber, a role that may not read decisions, and queries over the socket', async () => {
    const anonymous = subscribe(connect({}));
    const refused = await until(async () => anonymous.received[0], 'the refusal', 60_000);
    expect(refused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const producer = await principalWithRole(t, 'lineage_producer');
    const forbidden = subscribe(connect({ authorization: `Bearer ${producer.key}` }));
    expect((await until(async () => forbidden.received[0], 'the refusal', 60_000)).errors?.[0].extensions.code).toBe('FORBIDDEN');

    const query = subscribe(connect({ authorization: `Bearer ${t.adminKey}` }), '{ me { id } }');
    const error = await until(async () => query.closed[0] ?? query.received[0], 'the refusal of a query', 60_000);
    expect(JSON.stringify(error)).toContain('Only subscriptions are served over WebSocket');
  });

  it("refuses a browser's socket from another origin, which would carry the user's cookie", async () => {
    const crossSite = subscribe(connect({ authorization: `Bearer ${t.adminKey}`, origin: 'https://evil.example' }));
    const closed = await until(async () => crossSite.closed[0], 'the socket to be closed', 60_000);
    expect((closed as { code?: number }).code).toBe(4403);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { runEvent } from '@attest/lineage/testing';
import { createApp } from '@attest/platform';
import { principalWithRole, startTestApp, type TestApp } from '../support/test-app';

/** A cheap query: one request, cost 1. */
const CHEAP = '{ __typename }';
/** An expensive one (a page of 50 weighs 50 × its fields): its cost is read from the app in beforeAll. */
const EXPENSIVE = '{ models(first: 50) { edges { node { id name versions { id } } } } }';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function gql(app: INestApplication, key: string, query: string): Promise<Answer> {
  const res = await request(app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${key}`).send({ query });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body };
}

/** 429, a whole number of seconds in Retry-After, RATE_LIMITED with its budget, nothing else leaked. */
function expectRateLimited(answer: Answer, budget: string): void {
  expect(answer.status).toBe(429);
  expect(answer.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  const extensions = answer.body.errors![0].extensions!;
  expect(extensions).toMatchObject({ budget, retryAfterSeconds: Number(answer.headers['retry-after']) });
  expect(extensions).not.toHaveProperty('stacktrace');
  expect(JSON.stringify(answer.body)).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
  expect(answer.body.data ?? null).toBeNull();
}

/** Budgets per minute, so that nothing here depends on how fast the requests go. */
const TINY_LIMITS = {
  ATTEST_RATE_LIMIT_REQUESTS: '20',
  ATTEST_RATE_LIMIT_REQUESTS_WINDOW_SECONDS: '60',
  ATTEST_RATE_LIMIT_COST_PER_MINUTE: '5000',
  ATTEST_RATE_LIMIT_OPENLINEAGE_PER_MINUTE: '2',
  ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '2',
  ATTEST_RATE_LIMIT_HEALTH_PER_MINUTE: '2',
};

describe(`abuse: rate limits per principal (${process.env.REDIS_URL ? 'Redis' : 'in memory'})`, () => {
  let t: TestApp;
  let expensiveCost: number;
  beforeAll(async () => {
    // Its own key prefix: budgets of other test runs sharing the Redis are not ours.
    t = await startTestApp({ ...TINY_LIMITS, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
    const probe = await startTestApp({ ATTEST_GRAPHQL_MAX_COMPLEXITY: '10', REDIS_URL: '' });
    try {
      const refusal = await gql(probe.app, probe.adminKey, EXPENSIVE);
      expensiveCost = refusal.body.errors![0].extensions!.complexity as number;
    } finally {
      await probe.close();
    }
  });
  afterAll(() => t?.close());

  it('answers the request over the budget with 429, Retry-After and RATE_LIMITED; another principal is not affected', async () => {
    const flooder = (await principalWithRole(t, 'auditor')).key;
    const bystander = (await principalWithRole(t, 'auditor')).key;
    for (let i = 0; i < 20; i++) expect((await gql(t.app, flooder, CHEAP)).status).toBe(200);
    expectRateLimited(await gql(t.app, flooder, CHEAP), 'requests');
    expect(await gql(t.app, bystander, CHEAP)).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses queries once their estimated cost spends the budget, however few the requests', async () => {
    expect(expensiveCost).toBeGreaterThan(500);
    expect(expensiveCost).toBeLessThanOrEqual(5000);
    const reader = (await principalWithRole(t, 'auditor')).key;
    const affordable = Math.floor(5000 / expensiveCost);
    for (let i = 0; i < affordable; i++) expect((await gql(t.app, reader, EXPENSIVE)).status).toBe(200);
    const refused = await gql(t.app, reader, EXPENSIVE);
    expectRateLimited(refused, 'cost');
    expect(refused.body.errors![0].message).toMatch(/query cost/);
  });

  it('gives the OpenLineage endpoint its own budget per producer', async () => {
    const producer = (await principalWithRole(t, 'lineage_producer')).key;
    const post = () =>
      request(t.app.getHttpServer())
        .post('/api/v1/lineage')
        .set('authorization', `Bearer ${producer}`)
        .send(
          runEvent('COMPLETE', {
            runId: randomUUID(),
            input: { namespace: 's3://rl', name: 'in' },
            output: { namespace: 's3://rl', name: 'out' },
          }),
        );
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const refused = await post();
    expectRateLimited({ status: refused.status, headers: refused.headers as Record<string, string>, body: refused.body }, 'openLineage');
    // GraphQL is another budget.
    expect((await gql(t.app, producer, CHEAP)).status).toBe(200);
  });

  it('gives the CSV exports their own budget per principal, both routes together', async () => {
    const officer = (await principalWithRole(t, 'compliance_officer')).key;
    const download = (path: string) => request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${officer}`);
    expect((await download('/api/v1/decisions.csv')).status).toBe(200);
    expect((await download('/api/v1/audit-events.csv')).status).toBe(200);
    const refused = await download('/api/v1/decisions.csv');
    expectRateLimited({ status: refused.status, headers: refused.headers as Record<string, string>, body: refused.body }, 'exports');
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    // GraphQL is another budget.
    expect((await gql(t.app, officer, CHEAP)).status).toBe(200);
  });

  it('gives /health a budget per client address', async () => {
    const health = () => request(t.app.getHttpServer()).get('/health');
    for (let i = 0; i < 2; i++) expect((await health()).body).toHaveProperty('database', 'up');
    const refused = await health();
    expectRateLimited({ status: refused.status, headers: refused.headers as Record<string, string>, body: refused.body }, 'health');
  });
});

(process.env.REDIS_URL ? describe : describe.skip)('abuse: rate limits shared by API replicas through Redis', () => {
  let t: TestApp;
  let replica: INestApplication;
  beforeAll(async () => {
    t = await startTestApp({ ...TINY_LIMITS, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
    // A second API process on the same database and Redis, as a replica behind a load balancer.
    replica = await createApp(t.config);
    await replica.init();
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it("counts a principal's requests on every replica against one budget", async () => {
    const key = (await principalWithRole(t, 'auditor')).key;
    for (let i = 0; i < 20; i++) expect((await gql(i % 2 ? replica : t.app, key, CHEAP)).status).toBe(200);
    expectRateLimited(await gql(t.app, key, CHEAP), 'requests');
    expectRateLimited(await gql(replica, key, CHEAP), 'requests');
  });
});

import request from 'supertest';
import { principalWithRole, startTestApp, type TestApp } from '../support/test-app';

/** What a client gets back, raw: the status, the parsed body and its size on the wire. */
interface RawAnswer {
  status: number;
  bytes: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(t: TestApp, key: string | undefined, payload: unknown): Promise<RawAnswer> {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (key) req.set('authorization', `Bearer ${key}`);
  const res = await req.send(payload as object);
  return { status: res.status, bytes: res.text.length, body: res.body };
}

/** A refusal as the issue wants it: the documented code, no data, no 5xx, no stack, a small answer. */
function expectRefused(answer: RawAnswer, code: string): void {
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.status).toBeLessThan(500);
  expect(answer.bytes).toBeLessThan(2000);
  const extensions = answer.body.errors![0].extensions!;
  expect(extensions).not.toHaveProperty('stacktrace');
  expect(extensions).not.toHaveProperty('exception');
  expect(JSON.stringify(answer.body)).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
}

const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
const MODELS_FLOOD = aliases(1500, 'models(first: 50) { edges { node { id name versions { id } } } }');
const DECISIONS_FLOOD = aliases(2500, 'decisions(first: 100) { edges { node { id } } }');
const SCHEMA_DUMP = '__schema { types { name fields { name type { name } } } }';

describe('GraphQL abuse limits, with the default settings', () => {
  let t: TestApp;
  let auditorKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    auditorKey = (await principalWithRole(t, 'auditor')).key;
  });
  afterAll(() => t?.close());

  it('refuses the alias floods of the issue (past 10,000 nodes), as an admin and as an auditor', async () => {
    expectRefused(await post(t, t.adminKey, { query: MODELS_FLOOD }), 'QUERY_TOO_COMPLEX');
    expectRefused(await post(t, auditorKey, { query: DECISIONS_FLOOD }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses more aliases than ATTEST_GRAPHQL_MAX_ALIASES (50), and lets 50 through', async () => {
    const refused = await post(t, t.adminKey, { query: aliases(51, 'me { id }') });
    expectRefused(refused, 'QUERY_TOO_COMPLEX');
    expect(refused.body.errors![0].extensions).toMatchObject({ maxAliases: 50 });
    expect((await post(t, t.adminKey, { query: aliases(50, 'me { id }') })).body.errors).toBeUndefined();
  });

  it('refuses a document of more tokens than ATTEST_GRAPHQL_MAX_TOKENS while parsing it', async () => {
    expectRefused(await post(t, t.adminKey, { query: `{ me { ${'id '.repeat(3001)}} }` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses a document longer than ATTEST_GRAPHQL_MAX_DOCUMENT_CHARS before parsing it', async () => {
    expectRefused(await post(t, t.adminKey, { query: `# ${'x'.repeat(40_000)}\n{ me { id } }` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses more directives than ATTEST_GRAPHQL_MAX_DIRECTIVES', async () => {
    const answer = await post(t, t.adminKey, { query: `{ me { ${'id @include(if: true) '.repeat(21)}} }` });
    expectRefused(answer, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors![0].extensions).toMatchObject({ maxDirectives: 20 });
  });

  it('refuses a query deeper than ATTEST_GRAPHQL_MAX_DEPTH, introspection fields counted like any other', async () => {
    const deep = '{ models { edges { node { versions { model { versions { model { versions { model { versions { id } } } } } } } } } } }';
    expectRefused(await post(t, t.adminKey, { query: deep }), 'QUERY_TOO_COMPLEX');
    const deepIntrospection =
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    const answer = await post(t, t.adminKey, { query: deepIntrospection });
    expectRefused(answer, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors![0].extensions).toMatchObject({ maxDepth: 10 });
  });

  it('refuses a fragment cycle as invalid', async () => {
    const cycle = '{ me { ...A } } fragment A on Principal { id ...B } fragment B on Principal { name ...A }';
    const answer = await post(t, t.adminKey, { query: cycle });
    expectRefused(answer, 'VALIDATION_FAILED');
    expect(answer.body.errors![0].message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('refuses a batch (a JSON array of operations) with a clean error', async () => {
    const batch = Array.from({ length: 5 }, () => ({ query: '{ me { id } }' }));
    const answer = await post(t, t.adminKey, batch);
    expect(answer.status).toBe(400);
    expectRefused(answer, 'VALIDATION_FAILED');
  });

  it('refuses an introspection flood with a key, by aliases and by cost', async () => {
    expectRefused(await post(t, t.adminKey, { query: aliases(3000, SCHEMA_DUMP) }), 'QUERY_TOO_COMPLEX');
    const costly = await post(t, t.adminKey, { query: aliases(10, SCHEMA_DUMP) });
    expectRefused(costly, 'QUERY_TOO_COMPLEX');
    expect(costly.body.errors![0].extensions).toMatchObject({ maxComplexity: 5000 });
  });

  it('refuses an introspection flood without a key, and gives no data', async () => {
    expectRefused(await post(t, undefined, { query: aliases(3000, SCHEMA_DUMP) }), 'QUERY_TOO_COMPLEX');
    expectRefused(await post(t, undefined, { query: aliases(3, SCHEMA_DUMP) }), 'UNAUTHENTICATED');
  });

  it('answers introspection to an authenticated principal only', async () => {
    const query = `{ ${SCHEMA_DUMP} }`;
    expectRefused(await post(t, undefined, { query }), 'UNAUTHENTICATED');
    const answer = await post(t, auditorKey, { query });
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
  });

  it('refuses a plain anonymous query, __typename included', async () => {
    expectRefused(await post(t, undefined, { query: '{ __typename }' }), 'UNAUTHENTICATED');
    expectRefused(await post(t, undefined, { query: '{ me { id } }' }), 'UNAUTHENTICATED');
  });
});

describe('GraphQL abuse limits, with the shape limits raised and introspection off', () => {
  let t: TestApp;
  let auditorKey: string;
  beforeAll(async () => {
    t = await startTestApp({
      ATTEST_GRAPHQL_MAX_DOCUMENT_CHARS: '1048576',
      ATTEST_GRAPHQL_MAX_TOKENS: '100000',
      ATTEST_GRAPHQL_MAX_ALIASES: '10000',
      ATTEST_GRAPHQL_INTROSPECTION: 'false',
    });
    auditorKey = (await principalWithRole(t, 'auditor')).key;
  });
  afterAll(() => t?.close());

  it("fails closed: the alias floods of the issue, past the cost estimator's 10,000 nodes, are refused by the cost limit", async () => {
    const models = await post(t, t.adminKey, { query: MODELS_FLOOD });
    expectRefused(models, 'QUERY_TOO_COMPLEX');
    expect(models.body.errors![0].extensions).toMatchObject({ maxComplexity: 5000 });
    const decisions = await post(t, auditorKey, { query: DECISIONS_FLOOD });
    expectRefused(decisions, 'QUERY_TOO_COMPLEX');
    expect(decisions.body.errors![0].message).toMatch(/could not be estimated/);
  });

  it('refuses introspection to everyone when ATTEST_GRAPHQL_INTROSPECTION=false', async () => {
    const answer = await post(t, t.adminKey, { query: '{ __schema { queryType { name } } }' });
    expectRefused(answer, 'VALIDATION_FAILED');
    expect(answer.body.errors![0].message).toMatch(/introspection is not allowed/i);
    expect((await post(t, t.adminKey, { query: '{ me { id } }' })).body.errors).toBeUndefined();
  });
});

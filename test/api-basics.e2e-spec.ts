import request from 'supertest';
import { errorCode, ok, startTestApp, type TestApp } from './support/test-app';

describe('API basics: health, query limits, error hygiene', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({ ATTEST_GRAPHQL_MAX_DEPTH: '6', ATTEST_GRAPHQL_MAX_COMPLEXITY: '300', ATTEST_MAX_REQUEST_MB: '1' })),
  );
  afterAll(() => t?.close());

  it('reports health without credentials, checking the database (and Redis when configured)', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: t.config.redisUrl ? 'up' : 'not configured' });
  });

  it('rejects a query deeper than the limit with QUERY_TOO_COMPLEX before running it', async () => {
    const deep = '{ models { edges { node { versions { model { versions { model { id } } } } } } } }';
    const res = await t.gql(t.adminKey, deep);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ maxDepth: 6 });
    expect(res.errors![0].extensions).not.toHaveProperty('http');
  });

  it('rejects a query costing more than the limit, weighing pages by their size', async () => {
    const query = (first: number) => `{ models(first: ${first}) { edges { node { id name versions { id status } } } } }`;
    ok(await t.gql(t.adminKey, query(2)));
    const res = await t.gql(t.adminKey, query(100));
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].extensions).toMatchObject({ maxComplexity: 300 });
  });

  it('never leaks stack traces or SQL in errors', async () => {
    const responses = [
      await t.gql(t.adminKey, '{ model(id: "not-a-uuid") { id } }'),
      await t.gql(t.adminKey, '{ nope }'),
      await t.gql(t.adminKey, 'mutation { registerModel(input: { name: "' + 'x'.repeat(300) + '" }) { id } }'),
    ];
    for (const res of responses) {
      expect(res.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/stacktrace|\bat \w+ \(|SELECT|INSERT|node_modules/i);
      expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(errorCode(res));
    }
  });

  it('refuses a body that is not JSON, or larger than ATTEST_MAX_REQUEST_MB, with a stable code', async () => {
    const post = () =>
      request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${t.adminKey}`);
    const broken = await post().send('{"query": "{ me { id } }"');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request body is not valid JSON',
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'VALIDATION_FAILED' } }],
    });
    const huge = await post().send(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({
      message: expect.stringContaining('1 MiB allowed (ATTEST_MAX_REQUEST_MB)'),
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });

  it('answers an unknown route with 404 and a non-GraphQL method politely', async () => {
    expect((await request(t.app.getHttpServer()).get('/nope')).status).toBe(404);
  });
});

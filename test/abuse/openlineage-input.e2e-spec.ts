import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { runEvent } from '@attest/lineage/testing';
import { withClient } from '../support/test-database';
import { principalWithRole, startTestApp, type TestApp } from '../support/test-app';

/**
 * OpenLineage in (`POST /api/v1/lineage`) with what PostgreSQL cannot store or a walk cannot
 * follow: a NUL character, a facet nested 10,000 deep, an event over the size bound. Each is the
 * sender's error, named by its JSON pointer, and nothing of the event is stored.
 */
describe('abuse: OpenLineage events that cannot be stored are refused, storing nothing', () => {
  let t: TestApp;
  let producerKey: string;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: '' });
    producerKey = (await principalWithRole(t, 'lineage_producer')).key;
  });
  afterAll(() => t?.close());

  const post = (body: string | object) =>
    request(t.app.getHttpServer())
      .post('/api/v1/lineage')
      .set('authorization', `Bearer ${producerKey}`)
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const event = () =>
    runEvent('COMPLETE', {
      runId: randomUUID(),
      input: { namespace: 's3://abuse', name: 'in' },
      output: { namespace: 's3://abuse', name: 'out' },
    });
  const facet = (body: Record<string, unknown>) => ({
    _producer: 'https://example.com/producer',
    _schemaURL: 'https://example.com/facet.json',
    ...body,
  });
  const rows = () =>
    withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(`SELECT
      (SELECT count(*) FROM lineage_events)::int AS events, (SELECT count(*) FROM lineage_nodes)::int AS nodes,
      (SELECT count(*) FROM lineage_edges)::int AS edges, (SELECT count(*) FROM audit_events WHERE action LIKE 'lineage.%')::int AS audits`)
        ).rows[0],
    );

  async function expectRefused(body: string | object, status: number, path: string | undefined) {
    const before = await rows();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', ...(path === undefined ? {} : { path }) });
    if (path !== undefined) expect(res.body.errors[0].message).toContain(path);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\.ts:\d+|stack/); // no stack trace
    expect(await rows()).toEqual(before);
    return res;
  }

  it('refuses a NUL character in a facet value with 400 and its pointer', async () => {
    const e = event() as { job: { facets: Record<string, unknown> } };
    e.job.facets.ownership = facet({ owners: [{ name: 'team:\u0000claims', type: 'MAINTAINER' }] });
    await expectRefused(e, 400, '/job/facets/ownership/owners/0/name');
  });

  it('refuses a NUL character in a facet key with 400 and the pointer of its object', async () => {
    const e = event() as { inputs: { facets: Record<string, unknown> }[] };
    e.inputs[0].facets.schema = facet({ 'col\u0000umns': [] });
    await expectRefused(e, 400, '/inputs/0/facets/schema');
  });

  it('refuses a NUL character in a job name with 400 and its pointer', async () => {
    const e = event() as { job: { name: string } };
    e.job.name = 'claims\u0000train';
    await expectRefused(e, 400, '/job/name');
  });

  it("refuses a facet nested 10,000 deep with 400 and the facet's pointer", async () => {
    const e = event() as { run: { facets: Record<string, unknown> } };
    e.run.facets.deep = facet({ nested: '@DEEP@' });
    // Written as text: a 10,000-deep value is more than JSON.stringify should be asked to walk.
    const body = JSON.stringify(e).replace('"@DEEP@"', `${'{"d":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const res = await expectRefused(body, 400, '/run/facets/deep');
    expect(res.body.errors[0].message).toMatch(/deeper than 64 levels/);
  });

  it('refuses an event over ATTEST_OPENLINEAGE_MAX_EVENT_BYTES (1 MB) with 413, under the request limit', async () => {
    const e = event() as { run: { facets: Record<string, unknown> } };
    e.run.facets.big = facet({ blob: 'x'.repeat(1_100_000) });
    const res = await expectRefused(e, 413, undefined);
    expect(res.body.errors[0].message).toMatch(/ATTEST_OPENLINEAGE_MAX_EVENT_BYTES/);
    // Just under the bound is taken.
    e.run.facets.big = facet({ blob: 'x'.repeat(1_000_000) });
    expect((await post(e)).status).toBe(201);
  });
});

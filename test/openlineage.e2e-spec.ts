import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { runEvent } from '@attest/lineage/testing';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

/**
 * OpenLineage in: the story of the issue. Datasets and a model are registered; an Airflow task
 * reports training the model as OpenLineage events (START, then COMPLETE) over the HTTP transport;
 * decisions are recorded; then impactOf and decisionLineage join the run to the registry.
 */
describe('OpenLineage events join the lineage graph', () => {
  let t: TestApp;
  let producer: { id: string; key: string };
  beforeAll(async () => {
    t = await startTestApp();
    producer = await principalWithRole(t, 'lineage_producer');
  });
  afterAll(() => t?.close());

  const post = (key: string | undefined, body: unknown) => {
    const req = request(t.app.getHttpServer()).post('/api/v1/lineage').set('content-type', 'application/json');
    if (key) req.set('authorization', `Bearer ${key}`);
    return req.send(body as object);
  };

  async function registered() {
    const f = await automationFixture(t, { trainingPii: ['contact'] });
    const mv = ok(
      await t.gql(t.adminKey, 'query($id: ID!) { modelVersion(id: $id) { artifactUri trainingDatasets { id sourceUri digest } } }', {
        id: f.modelVersionId,
      }),
    ).modelVersion;
    return {
      f,
      dataset: mv.trainingDatasets[0] as { id: string; sourceUri: string; digest: string },
      artifactUri: mv.artifactUri as string,
    };
  }

  const split = (uri: string) => {
    const at = uri.indexOf('/', uri.indexOf('://') + 3);
    return { namespace: uri.slice(0, at), name: uri.slice(at + 1) };
  };

  it('takes a training run, matches it to the registered dataset and model versions, and answers impactOf and decisionLineage through it', async () => {
    const { f, dataset, artifactUri } = await registered();
    const run = { runId: randomUUID(), input: split(dataset.sourceUri), output: split(artifactUri) };
    const start = await post(producer.key, runEvent('START', run, '2026-12-01T09:00:00.000Z'));
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({
      runId: run.runId,
      matched: expect.arrayContaining([
        { ...run.input, type: 'dataset_version', id: dataset.id },
        { ...run.output, type: 'model_version', id: f.modelVersionId },
      ]),
    });
    const complete = await post(producer.key, runEvent('COMPLETE', run, '2026-12-01T09:40:00.000Z'));
    expect(complete.status).toBe(201);
    expect(complete.body.edgesAdded).toBe(0); // the same edges: nothing new

    const decisionId = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    const officer = await principalWithRole(t, 'compliance_officer');
    const chain = ok(
      await t.gql(
        officer.key,
        `query($id: ID!) { decisionLineage(decisionId: $id) {
      hops { node { type id label } } edges { kind upstream { type } downstream { type } runId } sources { type id } } }`,
        { id: decisionId },
      ),
    ).decisionLineage;
    const path = chain.edges.map(
      (e: { kind: string; upstream: { type: string }; downstream: { type: string } }) =>
        `${e.upstream.type} -${e.kind}-> ${e.downstream.type}`,
    );
    expect(path).toEqual(
      expect.arrayContaining([
        'EXTERNAL_DATASET -DERIVED_FROM-> MODEL_VERSION',
        'RUN -OUTPUT_OF-> EXTERNAL_DATASET',
        'EXTERNAL_DATASET -INPUT_OF-> RUN',
        'DATASET_VERSION -DERIVED_FROM-> EXTERNAL_DATASET',
        'DATASET_VERSION -TRAINED_ON-> MODEL_VERSION',
      ]),
    );
    expect(chain.edges.find((e: { kind: string }) => e.kind === 'OUTPUT_OF').runId).toBe(run.runId);
    expect(chain.hops.find((h: { node: { type: string } }) => h.node.type === 'RUN').node.label).toBe(
      'claims_severity.train_model (COMPLETE)',
    );
    expect(chain.sources).toEqual([{ type: 'DATASET_VERSION', id: dataset.id }]);

    const impact = ok(
      await t.gql(officer.key, 'query($id: ID!) { impactOf(datasetVersionId: $id) { modelVersions { id } decisions { total } } }', {
        id: dataset.id,
      }),
    ).impactOf;
    expect(impact.modelVersions.map((v: { id: string }) => v.id)).toEqual([f.modelVersionId]);
    expect(impact.decisions.total).toBe(1);

    // Kept as received, facets and all, with an audit event.
    await withClient(t.databaseUrl, async (c) => {
      const events = await c.query('SELECT event_type, event FROM lineage_events WHERE run_id = $1 ORDER BY event_time', [run.runId]);
      expect(events.rows.map((r) => r.event_type)).toEqual(['START', 'COMPLETE']);
      expect(events.rows[0].event.inputs[0].facets.schema.fields).toHaveLength(2);
      const node = await c.query(`SELECT facets FROM lineage_nodes WHERE type = 'external_dataset' AND name = $1`, [run.input.name]);
      expect(Object.keys(node.rows[0].facets).sort()).toEqual(['dataSource', 'schema']);
    });
    const audit = ok(
      await t.gql(t.adminKey, 'query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action actorId } } } }', {
        id: run.runId,
      }),
    ).auditEvents.edges;
    expect(audit.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'lineage.run_event_received',
      'lineage.run_event_received',
    ]);

    // Told edges are facts of the ledger too: sealed, and verified against their rows.
    await sealAll(t);
    // The run's evidence: the producer that reported it, when, and the sealed audit event of its first event.
    const hops = ok(
      await t.gql(
        officer.key,
        'query($id: ID!) { decisionLineage(decisionId: $id) { hops { node { type } evidence { actorId at auditEventId ledgerIndex } } } }',
        { id: decisionId },
      ),
    ).decisionLineage.hops;
    const runHop = hops.find((h: { node: { type: string } }) => h.node.type === 'RUN');
    expect(runHop.evidence).toMatchObject({ actorId: producer.id, auditEventId: expect.any(String), ledgerIndex: expect.any(Number) });
    expect(
      hops
        .filter((h: { node: { type: string } }) => h.node.type === 'EXTERNAL_DATASET')
        .every((h: { evidence: unknown }) => h.evidence === null),
    ).toBe(true);
    const leaves = ok(
      await t.gql(t.adminKey, '{ ledgerEntries(first: 100, filter: { kind: "lineage_edge" }) { edges { node { index fact } } } }'),
    ).ledgerEntries.edges;
    expect(
      leaves.some(
        (e: { node: { fact: { runId: string; edge: string } } }) => e.node.fact.runId === run.runId && e.node.fact.edge === 'output_of',
      ),
    ).toBe(true);
    expect(ok(await t.gql(t.adminKey, '{ verifyLedger { ok firstDivergence { index kind } } }')).verifyLedger).toEqual({
      ok: true,
      firstDivergence: null,
    });
  });

  it("matches by the DatasetVersion facet's digest too", async () => {
    const { dataset } = await registered();
    const run = {
      runId: randomUUID(),
      input: { namespace: 'warehouse://snowflake', name: 'claims.history', digest: dataset.digest },
      output: { namespace: 'warehouse://snowflake', name: 'claims.features' },
    };
    const res = await post(producer.key, runEvent('COMPLETE', run));
    expect(res.status).toBe(201);
    // Every registered version with that digest is the same data (the fixtures share one digest).
    expect(res.body.matched).toContainEqual({
      namespace: run.input.namespace,
      name: run.input.name,
      type: 'dataset_version',
      id: dataset.id,
    });
    expect(res.body.matched.every((m: { type: string }) => m.type === 'dataset_version')).toBe(true);
  });

  it("takes every event type of a run, keeping its latest as the run's state", async () => {
    const run = {
      runId: randomUUID(),
      input: { namespace: 's3://raw', name: 'claims' },
      output: { namespace: 's3://curated', name: 'claims' },
    };
    for (const [i, type] of ['START', 'RUNNING', 'OTHER', 'FAIL', 'ABORT', 'COMPLETE'].entries()) {
      const res = await post(producer.key, runEvent(type, run, `2026-12-01T10:0${i}:00.000Z`));
      expect(res.status).toBe(201);
    }
    expect((await post(producer.key, runEvent(undefined, run, '2026-12-01T10:09:00.000Z'))).status).toBe(201); // eventType is optional
    const graph = ok(
      await t.gql(
        t.adminKey,
        'query($id: ID!) { lineage(node: { type: RUN, id: $id }, direction: BOTH) { nodes { type label } edges { kind at } } }',
        { id: run.runId },
      ),
    ).lineage;
    expect(graph.nodes.find((n: { type: string }) => n.type === 'RUN').label).toBe('claims_severity.train_model (COMPLETE)');
    expect(graph.edges.map((e: { kind: string }) => e.kind).sort()).toEqual(['INPUT_OF', 'OUTPUT_OF']);
    expect(graph.edges.every((e: { at: string }) => e.at === '2026-12-01T10:00:00.000Z')).toBe(true); // the edge is as old as the first event naming it
  });

  it('refuses a bad event with 400 and the schema path, storing nothing', async () => {
    const run = { runId: randomUUID(), input: { namespace: 's3://x', name: 'in' }, output: { namespace: 's3://x', name: 'out' } };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...runEvent('COMPLETE', run), run: { facets: {} } }, '/run/runId'],
      [{ ...runEvent('COMPLETE', run), eventTime: 'yesterday' }, '/eventTime'],
      [{ ...runEvent('COMPLETE', run), eventType: 'FINISHED' }, '/eventType'],
    ];
    for (const [body, path] of cases) {
      const res = await post(producer.key, body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path }, message: expect.stringContaining(path) });
      expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
    }
    const notJson = await request(t.app.getHttpServer())
      .post('/api/v1/lineage')
      .set('authorization', `Bearer ${producer.key}`)
      .set('content-type', 'application/json')
      .send('{ nope');
    expect(notJson.status).toBe(400);
    await withClient(t.databaseUrl, async (c) => {
      expect((await c.query('SELECT count(*)::int AS n FROM lineage_events WHERE run_id = $1', [run.runId])).rows[0].n).toBe(0);
    });
  });

  it('needs an API key that may send lineage, and keeps each tenant apart', async () => {
    const run = { runId: randomUUID(), input: { namespace: 's3://x', name: 'in' }, output: { namespace: 's3://x', name: 'out' } };
    expect((await post(undefined, runEvent('START', run))).status).toBe(401);
    const auditor = await principalWithRole(t, 'auditor');
    const refused = await post(auditor.key, runEvent('START', run));
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The admin may; another tenant's graph never sees it.
    expect((await post(t.adminKey, runEvent('START', run))).status).toBe(201);
    const other = await createTenant(t, `ol-${Date.now()}`);
    const theirs = await t.gql(other.adminKey, 'query($id: ID!) { lineage(node: { type: RUN, id: $id }) { nodes { id } } }', {
      id: run.runId,
    });
    expect(theirs.errors?.[0].extensions.code).toBe('NOT_FOUND');
    // Nor any other of this tenant's lineage: its datasets and decisions are not found there either.
    const { dataset, f } = await registered();
    const decisionId = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    for (const [query, id] of [
      ['query($id: ID!) { impactOf(datasetVersionId: $id) { decisions { total } } }', dataset.id],
      ['query($id: ID!) { decisionLineage(decisionId: $id) { hops { node { id } } } }', decisionId],
    ])
      expect((await t.gql(other.adminKey, query, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const mine = ok(
      await t.gql(t.adminKey, 'query($id: ID!) { lineage(node: { type: RUN, id: $id }, direction: BOTH) { nodes { type label } } }', {
        id: run.runId,
      }),
    ).lineage;
    expect(mine.nodes.map((n: { type: string }) => n.type).sort()).toEqual(['EXTERNAL_DATASET', 'EXTERNAL_DATASET', 'RUN']);
  });
});

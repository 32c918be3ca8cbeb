import { randomUUID } from 'node:crypto';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const LINEAGE = `query($node: LineageNodeInput!, $direction: LineageDirection, $depth: Int, $maxEdges: Int) {
  lineage(node: $node, direction: $direction, depth: $depth, maxEdges: $maxEdges) {
    nodes { type id label depth } edges { kind upstream { type id } downstream { type id } at runId } truncated } }`;

describe('lineage from dataset to decision, filled from the records themselves', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "lineage test") { digest } }'));
  });
  afterAll(() => t?.close());

  async function story() {
    const f = await automationFixture(t, { trainingPii: ['contact'], oversightMode: 'REQUIRED' });
    const [datasetVersionId] = ok(
      await t.gql(t.adminKey, 'query($id: ID!) { modelVersion(id: $id) { trainingDatasets { id } } }', { id: f.modelVersionId }),
    ).modelVersion.trainingDatasets.map((d: { id: string }) => d.id);
    const decisions: string[] = [];
    for (let i = 0; i < 2; i++) decisions.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id);
    const officer = await principalWithRole(t, 'compliance_officer');
    const reviewId = ok(
      await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "checked") { review { id } } }', {
        id: decisions[0],
      }),
    ).reviewDecision.review.id as string;
    return { f, datasetVersionId, decisions, reviewId, officer };
  }

  const graph = (key: string, node: { type: string; id: string }, extra: Record<string, unknown> = {}) =>
    t.gql(key, LINEAGE, { node, ...extra });
  const kinds = (edges: { kind: string; upstream: { type: string }; downstream: { type: string } }[]) =>
    edges.map((e) => `${e.upstream.type} -${e.kind}-> ${e.downstream.type}`).sort();

  it('walks up from a decision to the dataset its model was trained on, and down from the dataset to the decisions and their review', async () => {
    const s = await story();
    const up = ok(await graph(t.adminKey, { type: 'DECISION', id: s.decisions[0] })).lineage;
    expect(up.truncated).toBe(false);
    expect(up.nodes[0]).toMatchObject({ type: 'DECISION', id: s.decisions[0], depth: 0, label: expect.stringMatching(/^key-/) });
    const byDepth = (nodes: { type: string; depth: number }[]) => nodes.map((n) => `${n.depth} ${n.type}`).sort();
    expect(byDepth(up.nodes)).toEqual(['0 DECISION', '1 AUTOMATION_VERSION', '1 MODEL_VERSION', '2 DATASET_VERSION']);
    expect(up.nodes).toHaveLength(4);
    expect(kinds(up.edges)).toEqual([
      'AUTOMATION_VERSION -PRODUCED_BY-> DECISION',
      'DATASET_VERSION -TRAINED_ON-> MODEL_VERSION',
      'MODEL_VERSION -USES_MODEL-> AUTOMATION_VERSION',
      'MODEL_VERSION -USES_MODEL-> DECISION',
    ]);
    expect(up.nodes.find((n: { type: string }) => n.type === 'MODEL_VERSION').label).toMatch(/^model-[0-9a-f]+ 1\.0\.0$/);

    const down = ok(await graph(t.adminKey, { type: 'DATASET_VERSION', id: s.datasetVersionId }, { direction: 'DOWNSTREAM' })).lineage;
    const reached = new Set(down.nodes.map((n: { id: string }) => n.id));
    for (const id of [...s.decisions, s.reviewId, s.f.modelVersionId, s.f.automationVersionId]) expect(reached.has(id)).toBe(true);
    expect(down.nodes.find((n: { id: string }) => n.id === s.reviewId)).toMatchObject({ type: 'REVIEW', label: 'approve' });

    const both = ok(await graph(t.adminKey, { type: 'MODEL_VERSION', id: s.f.modelVersionId }, { direction: 'BOTH', depth: 1 })).lineage;
    expect(kinds(both.edges)).toEqual([
      'DATASET_VERSION -TRAINED_ON-> MODEL_VERSION',
      'MODEL_VERSION -USES_MODEL-> AUTOMATION_VERSION',
      'MODEL_VERSION -USES_MODEL-> DECISION',
      'MODEL_VERSION -USES_MODEL-> DECISION',
    ]);
  });

  it('counts what a dataset version reaches: model versions, automation versions, decisions by status and month', async () => {
    const s = await story();
    const IMPACT = `query($id: ID!) { impactOf(datasetVersionId: $id) {
      datasetVersionId modelVersions { id label depth } automationVersions { id depth }
      decisions { total byStatus { key count } byMonth { key count } } } }`;
    const impact = ok(await t.gql(s.officer.key, IMPACT, { id: s.datasetVersionId })).impactOf;
    const month = new Date().toISOString().slice(0, 7);
    expect(impact).toEqual({
      datasetVersionId: s.datasetVersionId,
      modelVersions: [{ id: s.f.modelVersionId, label: expect.stringMatching(/ 1\.0\.0$/), depth: 1 }],
      automationVersions: [{ id: s.f.automationVersionId, depth: 2 }],
      decisions: { total: 2, byStatus: [{ key: 'pending_review', count: 2 }], byMonth: [{ key: month, count: 2 }] },
    });
    // The same counts once the ledger has sealed the decisions: now from the counts kept as they
    // were sealed, not from the decisions themselves.
    await sealAll(t);
    expect(ok(await t.gql(s.officer.key, IMPACT, { id: s.datasetVersionId })).impactOf).toEqual(impact);
    const kept = await withClient(t.databaseUrl, (owner) =>
      owner.query('SELECT status, count FROM decision_counts WHERE model_version_id = $1', [s.f.modelVersionId]),
    );
    expect(kept.rows).toEqual([{ status: 'pending_review', count: '2' }]);
    // Through a derived dataset: a second model trained on a dataset derived from the first.
    const g = await automationFixture(t, { trainingPii: ['none'] });
    const [derivedId] = ok(
      await t.gql(t.adminKey, 'query($id: ID!) { modelVersion(id: $id) { trainingDatasets { id } } }', { id: g.modelVersionId }),
    ).modelVersion.trainingDatasets.map((d: { id: string }) => d.id);
    const tenantId = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id;
    await withClient(t.databaseUrl, (owner) =>
      owner.query(
        `INSERT INTO lineage_edges (tenant_id, kind, upstream_type, upstream_id, downstream_type, downstream_id)
                   VALUES ($1, 'derived_from', 'dataset_version', $2, 'dataset_version', $3)`,
        [tenantId, s.datasetVersionId, derivedId],
      ),
    );
    ok(await t.gql(g.service.key, RECORD, { i: decisionInput(g) }));
    const wider = ok(await t.gql(s.officer.key, IMPACT, { id: s.datasetVersionId })).impactOf;
    expect(wider.modelVersions.map((v: { id: string }) => v.id).sort()).toEqual([s.f.modelVersionId, g.modelVersionId].sort());
    expect(wider.decisions.total).toBe(3);
    expect(errorCode(await t.gql(s.officer.key, IMPACT, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(s.officer.key, IMPACT, { id: 'nope' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(s.f.service.key, IMPACT, { id: s.datasetVersionId }))).toBe('FORBIDDEN');
  });

  it("gives a decision's chain to its source dataset, each hop with who, when, its audit event and its ledger index", async () => {
    const s = await story();
    await sealAll(t);
    const CHAIN = `query($id: ID!) { decisionLineage(decisionId: $id) {
      hops { node { type id depth } evidence { actorId actorName at auditEventId ledgerIndex sealedAt } }
      edges { kind } sources { type id } truncated } }`;
    const chain = ok(await t.gql(s.officer.key, CHAIN, { id: s.decisions[0] })).decisionLineage;
    expect(chain.hops.map((h: { node: { type: string; depth: number } }) => `${h.node.depth} ${h.node.type}`).sort()).toEqual([
      '0 DECISION',
      '1 AUTOMATION_VERSION',
      '1 MODEL_VERSION',
      '2 DATASET_VERSION',
    ]);
    expect(chain.sources).toEqual([{ type: 'DATASET_VERSION', id: s.datasetVersionId }]);
    expect(chain.truncated).toBe(false);
    const admin = ok(await t.gql(t.adminKey, '{ me { id } }')).me.id;
    for (const hop of chain.hops) {
      expect(hop.evidence).toMatchObject({
        auditEventId: expect.any(String),
        ledgerIndex: expect.any(Number),
        sealedAt: expect.any(String),
      });
      expect(hop.evidence.actorId).toBe(hop.node.type === 'DECISION' ? s.f.service.id : admin);
    }
    // The ledger index is the fact's own leaf for a decision.
    const sealed = ok(await t.gql(t.adminKey, 'query($id: ID!) { decision(id: $id) { ledgerIndex } }', { id: s.decisions[0] })).decision
      .ledgerIndex;
    expect(chain.hops[0].evidence.ledgerIndex).toBe(sealed);
    // …and for a registered version, the version's own leaf (its snapshot with its links).
    const modelHop = chain.hops.find((h: { node: { type: string } }) => h.node.type === 'MODEL_VERSION');
    const modelLeaf = ok(
      await t.gql(
        t.adminKey,
        'query($id: String) { ledgerEntries(filter: { kind: "model_version", factId: $id }) { edges { node { index } } } }',
        { id: modelHop.node.id },
      ),
    );
    expect(modelHop.evidence.ledgerIndex).toBe(modelLeaf.ledgerEntries.edges[0].node.index);
    expect(errorCode(await t.gql(s.officer.key, CHAIN, { id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('links a decision to the dataset versions it read, replays them with it, and refuses unknown ones', async () => {
    const s = await story();
    const input = decisionInput(s.f, { sourceDatasetVersionIds: [s.datasetVersionId, s.datasetVersionId.toUpperCase()] });
    const id = ok(await t.gql(s.f.service.key, RECORD, { i: input })).recordDecision.decision.id;
    const chain = ok(
      await t.gql(
        s.officer.key,
        'query($id: ID!) { decisionLineage(decisionId: $id) { edges { kind upstream { type id } } sources { id } } }',
        { id },
      ),
    ).decisionLineage;
    expect(chain.edges).toContainEqual({ kind: 'CONSUMED', upstream: { type: 'DATASET_VERSION', id: s.datasetVersionId } });
    expect(chain.edges.filter((e: { kind: string }) => e.kind === 'CONSUMED')).toHaveLength(1);
    expect(chain.sources).toEqual([{ id: s.datasetVersionId }]);
    // A retry with the same sources is a replay; other sources under the same key, a conflict.
    expect(ok(await t.gql(s.f.service.key, RECORD, { i: input })).recordDecision.replayed).toBe(true);
    expect(errorCode(await t.gql(s.f.service.key, RECORD, { i: { ...input, sourceDatasetVersionIds: [] } }))).toBe('CONFLICT');
    const unknown = await t.gql(s.f.service.key, RECORD, { i: decisionInput(s.f, { sourceDatasetVersionIds: [randomUUID()] }) });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'sourceDatasetVersionIds' } });
    const bulk = ok(
      await t.gql(
        s.f.service.key,
        'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { results { decision { status } error { code } } } }',
        {
          i: {
            decisions: [
              decisionInput(s.f, { sourceDatasetVersionIds: [s.datasetVersionId] }),
              decisionInput(s.f, { sourceDatasetVersionIds: [randomUUID()] }),
            ],
          },
        },
      ),
    ).recordDecisions.results;
    expect(
      bulk.map((b: { decision: { status: string } | null; error: { code: string } | null }) => b.error?.code ?? b.decision!.status),
    ).toEqual(['PENDING_REVIEW', 'VALIDATION_FAILED']);
  });

  it('links a decision to datasets outside the registry by OpenLineage namespace and name, and to a registered one at the location named', async () => {
    const s = await story();
    const external = [
      { namespace: 'postgres://crm.internal:5432', name: 'public.customers' },
      { namespace: 'postgres://crm.internal:5432', name: 'public.customers' },
    ];
    const tag = randomUUID().slice(0, 8);
    const datasetId = ok(
      await t.gql(t.adminKey, 'mutation($n: String!) { registerDataset(input: { name: $n }) { id } }', { n: `crm-${tag}` }),
    ).registerDataset.id;
    const registeredId = ok(
      await t.gql(t.adminKey, 'mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
        i: {
          datasetId,
          version: '1',
          sourceUri: `s3://data/crm-${tag}`,
          digest: `sha256:${'e'.repeat(64)}`,
          piiClasses: ['none'],
          provenance: 'contract',
        },
      }),
    ).registerDatasetVersion.id;
    const registered = { namespace: 's3://data', name: `crm-${tag}/` }; // at that version's location
    const input = decisionInput(s.f, { sourceDatasets: [...external, registered] });
    const id = ok(await t.gql(s.f.service.key, RECORD, { i: input })).recordDecision.decision.id;
    const up = ok(await graph(s.officer.key, { type: 'DECISION', id }, { depth: 1 })).lineage;
    const consumed = up.edges
      .filter((e: { kind: string }) => e.kind === 'CONSUMED')
      .map((e: { upstream: { type: string; id: string } }) => e.upstream);
    expect(consumed).toHaveLength(2);
    expect(consumed).toContainEqual({ type: 'DATASET_VERSION', id: registeredId });
    const outside = consumed.find((u: { type: string }) => u.type === 'EXTERNAL_DATASET');
    expect(up.nodes.find((n: { id: string }) => n.id === outside.id).label).toBe('postgres://crm.internal:5432/public.customers');
    const chain = ok(
      await t.gql(s.officer.key, 'query($id: ID!) { decisionLineage(decisionId: $id) { sources { type id } } }', { id }),
    ).decisionLineage;
    expect(chain.sources).toContainEqual({ type: 'EXTERNAL_DATASET', id: outside.id });
    expect(chain.sources).toContainEqual({ type: 'DATASET_VERSION', id: registeredId });
    // The same dataset named again (by another decision, or by an OpenLineage event) is the same node.
    const again = ok(await t.gql(s.f.service.key, RECORD, { i: decisionInput(s.f, { sourceDatasets: [external[0]] }) })).recordDecision
      .decision.id;
    const second = ok(await graph(s.officer.key, { type: 'DECISION', id: again }, { depth: 1 })).lineage;
    expect(second.edges.find((e: { kind: string }) => e.kind === 'CONSUMED').upstream).toEqual({
      type: 'EXTERNAL_DATASET',
      id: outside.id,
    });
    expect(ok(await t.gql(s.f.service.key, RECORD, { i: input })).recordDecision.replayed).toBe(true);
    expect(errorCode(await t.gql(s.f.service.key, RECORD, { i: { ...input, sourceDatasets: [external[0]] } }))).toBe('CONFLICT');
    const bad = await t.gql(s.f.service.key, RECORD, { i: decisionInput(s.f, { sourceDatasets: [{ namespace: '', name: 'x' }] }) });
    expect(bad.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    const many = await t.gql(s.f.service.key, RECORD, {
      i: decisionInput(s.f, { sourceDatasets: Array.from({ length: 51 }, (_, i) => ({ namespace: 's3://x', name: `t${i}` })) }),
    });
    expect(many.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('draws the same subgraph as Mermaid or DOT', async () => {
    const s = await story();
    const draw = async (format: string) =>
      ok(
        await t.gql(t.adminKey, 'query($id: ID!, $f: DiagramFormat) { lineageDiagram(node: { type: DECISION, id: $id }, format: $f) }', {
          id: s.decisions[0],
          f: format,
        }),
      ).lineageDiagram as string;
    const mermaid = await draw('MERMAID');
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid).toMatch(/\[\("dataset version: data-[0-9a-f]+ 1"\)\]/);
    expect(mermaid).toMatch(/-->\|trained_on\|/);
    expect(mermaid.match(/-->/g)).toHaveLength(4);
    const dot = await draw('DOT');
    expect(dot).toMatch(/^digraph lineage \{/);
    expect(dot).toMatch(/shape=cylinder, label="dataset version: data-[0-9a-f]+ 1"/);
  });

  it('caps the depth and the edges, and says when it truncated', async () => {
    const s = await story();
    const one = ok(
      await graph(t.adminKey, { type: 'DATASET_VERSION', id: s.datasetVersionId }, { direction: 'DOWNSTREAM', depth: 1 }),
    ).lineage;
    expect(one.nodes.map((n: { type: string }) => n.type)).toEqual(['DATASET_VERSION', 'MODEL_VERSION']);
    const capped = ok(
      await graph(t.adminKey, { type: 'DATASET_VERSION', id: s.datasetVersionId }, { direction: 'DOWNSTREAM', maxEdges: 2 }),
    ).lineage;
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.edges).toHaveLength(2);
    expect(errorCode(await graph(t.adminKey, { type: 'DECISION', id: s.decisions[0] }, { depth: 11 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await graph(t.adminKey, { type: 'DECISION', id: 'not-a-uuid' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await graph(t.adminKey, { type: 'DECISION', id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('ends a walk at a cycle', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const tenantId = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id;
    await withClient(t.databaseUrl, (owner) =>
      owner.query(
        `INSERT INTO lineage_edges (tenant_id, kind, upstream_type, upstream_id, downstream_type, downstream_id)
         VALUES ($1, 'derived_from', 'external_dataset', $2, 'external_dataset', $3), ($1, 'derived_from', 'external_dataset', $3, 'external_dataset', $4),
                ($1, 'derived_from', 'external_dataset', $4, 'external_dataset', $2)`,
        [tenantId, a, b, c],
      ),
    );
    const cyclic = ok(await graph(t.adminKey, { type: 'EXTERNAL_DATASET', id: a }, { direction: 'DOWNSTREAM', depth: 10 })).lineage;
    expect(cyclic.nodes.map((n: { id: string; depth: number }) => [n.id, n.depth])).toEqual([
      [a, 0],
      [b, 1],
      [c, 2],
    ]);
    expect(cyclic.edges).toHaveLength(3);
    expect(cyclic.truncated).toBe(false);
  });

  it('is read by admins, compliance officers and auditors, each in its own tenant', async () => {
    const s = await story();
    const auditor = await principalWithRole(t, 'auditor');
    expect(ok(await graph(auditor.key, { type: 'DECISION', id: s.decisions[1] })).lineage.nodes).toHaveLength(4);
    expect(ok(await graph(s.officer.key, { type: 'DECISION', id: s.decisions[1] })).lineage.nodes).toHaveLength(4);
    expect(errorCode(await graph(s.f.service.key, { type: 'DECISION', id: s.decisions[1] }))).toBe('FORBIDDEN');
    const other = await createTenant(t, `lineage-${Date.now()}`);
    expect(errorCode(await graph(other.adminKey, { type: 'DECISION', id: s.decisions[1] }))).toBe('NOT_FOUND');
    expect(errorCode(await graph(other.adminKey, { type: 'DATASET_VERSION', id: s.datasetVersionId }, { direction: 'DOWNSTREAM' }))).toBe(
      'NOT_FOUND',
    );
  });
});

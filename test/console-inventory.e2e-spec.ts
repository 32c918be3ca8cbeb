import { automationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

// The console's inventory (issue 2, page 2): models, datasets and automations searchable and
// sortable with cursor paging, and the detail facts the pages need (approvals, what a version feeds).

const MODELS = `query($f: ModelFilter, $o: RegistryOrder, $first: Int!, $after: String) {
  models(filter: $f, orderBy: $o, first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;

describe('inventory lists and details for the console', () => {
  let t: TestApp;
  let owner: { id: string; key: string };
  let officer: { id: string; key: string };
  const names = ['beta-scorer', 'Alpha-ranker', 'gamma-triage', 'alpha-fraud', 'Delta-claims'];

  const all = async (query: string, field: string, vars: Record<string, unknown>, first = 2): Promise<any[]> => {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await t.gql(officer.key, query, { ...vars, first, after }))[field];
      nodes.push(...page.edges.map((e: any) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await principalWithRole(t, 'model_owner');
    officer = await principalWithRole(t, 'compliance_officer');
    for (const name of names)
      ok(await t.gql(owner.key, 'mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: name }));
  });
  afterAll(() => t?.close());

  it('sorts by name both ways and by registration time, paging with cursors', async () => {
    const byName = (await all(MODELS, 'models', { o: { field: 'NAME', direction: 'ASC' } })).map((m) => m.name);
    expect(byName).toHaveLength(5);
    expect(new Set(byName)).toEqual(new Set(names));
    const desc = (await all(MODELS, 'models', { o: { field: 'NAME', direction: 'DESC' } })).map((m) => m.name);
    expect(desc).toEqual([...byName].reverse());
    // Case-insensitive: Alpha-ranker between alpha-fraud and beta-scorer, whatever the database's collation.
    expect(byName).toEqual(['alpha-fraud', 'Alpha-ranker', 'beta-scorer', 'Delta-claims', 'gamma-triage']);
    const oldest = (await all(MODELS, 'models', { o: { field: 'CREATED_AT', direction: 'ASC' } }, 3)).map((m) => m.name);
    expect(oldest).toEqual(names);
    const newest = (await all(MODELS, 'models', {}, 3)).map((m) => m.name);
    expect(newest).toEqual([...names].reverse());
  });

  it('searches case-insensitively within a sort', async () => {
    const found = (await all(MODELS, 'models', { f: { search: 'ALPHA' }, o: { field: 'NAME', direction: 'ASC' } }, 1)).map((m) => m.name);
    expect(found).toEqual(['alpha-fraud', 'Alpha-ranker']);
  });

  it('refuses a cursor made for another sort, and an unknown sort field', async () => {
    const page = ok(await t.gql(officer.key, MODELS, { o: { field: 'NAME', direction: 'ASC' }, first: 1 })).models;
    const res = await t.gql(officer.key, MODELS, {
      o: { field: 'CREATED_AT', direction: 'ASC' },
      first: 1,
      after: page.pageInfo.endCursor,
    });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(officer.key, MODELS, { o: { field: 'RISK' }, first: 1 }))).toBe('VALIDATION_FAILED');
  });

  it('sorts datasets and automations the same way', async () => {
    for (const n of ['zeta-data', 'eta-data'])
      ok(await t.gql(owner.key, 'mutation($n: String!) { registerDataset(input: { name: $n }) { id } }', { n }));
    const datasets = await all(
      'query($o: RegistryOrder, $first: Int!, $after: String) { datasets(orderBy: $o, first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      'datasets',
      { o: { field: 'NAME', direction: 'ASC' } },
      1,
    );
    expect(datasets.map((d) => d.name)).toEqual(['eta-data', 'zeta-data']);
    const a = await automationFixture(t);
    const b = await automationFixture(t);
    const automations = await all(
      'query($o: RegistryOrder, $first: Int!, $after: String) { automations(orderBy: $o, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      'automations',
      { o: { field: 'CREATED_AT', direction: 'ASC' } },
      1,
    );
    expect(automations.map((x) => x.id)).toEqual([a.automationId, b.automationId]);
  });

  it('shows a version’s approvals and the automation versions it feeds', async () => {
    const f = await automationFixture(t);
    const admin = ok(await t.gql(t.adminKey, '{ me { id } }')).me.id;
    ok(
      await t.gql(t.adminKey, 'mutation($id: ID!) { transitionModelVersion(id: $id, to: IN_REVIEW, rationale: "ready") { id } }', {
        id: f.modelVersionId,
      }),
    );
    ok(
      await t.gql(
        officer.key,
        'mutation($id: ID!) { transitionModelVersion(id: $id, to: APPROVED, rationale: "validated on holdout") { id } }',
        {
          id: f.modelVersionId,
        },
      ),
    );
    const version = ok(
      await t.gql(
        officer.key,
        `query($id: ID!) { modelVersion(id: $id) { status artifactDigest intendedUse limitations metrics { name value }
          transitions { from to actorId rationale at } approvals { approverId rationale at reviewRound }
          usedByAutomationVersions { id automationId } } }`,
        { id: f.modelVersionId },
      ),
    ).modelVersion;
    expect(version.status).toBe('APPROVED');
    expect(version.transitions.map((x: any) => [x.to, x.actorId, x.rationale])).toEqual([
      ['IN_REVIEW', admin, 'ready'],
      ['APPROVED', officer.id, 'validated on holdout'],
    ]);
    expect(version.approvals).toEqual([
      { approverId: officer.id, rationale: 'validated on holdout', at: expect.any(String), reviewRound: 1 },
    ]);
    expect(version.usedByAutomationVersions).toEqual([{ id: f.automationVersionId, automationId: f.automationId }]);
    // A service reads its automation's versions, never the model versions they use.
    const forService = await t.gql(f.service.key, 'query($id: ID!) { modelVersion(id: $id) { approvals { approverId } } }', {
      id: f.modelVersionId,
    });
    expect(errorCode(forService)).toBe('FORBIDDEN');
  });
});

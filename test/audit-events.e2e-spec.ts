import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { action subjectType subjectId actorId before after changes correlationId occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('audit events', () => {
  let t: TestApp;
  let owner: { id: string; key: string };
  let modelId: string;
  let versionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await principalWithRole(t, 'model_owner');
    modelId = ok(await t.gql(owner.key, 'mutation { registerModel(input: { name: "audited", description: "first" }) { id } }'))
      .registerModel.id;
    versionId = ok(
      await t.gql(
        owner.key,
        `mutation { registerModelVersion(input: { modelId: "${modelId}", version: "1", artifactUri: "s3://a/b",
      artifactDigest: "sha256:${'a'.repeat(64)}", framework: "onnx", riskTier: LOW }) { id } }`,
      ),
    ).registerModelVersion.id;
    ok(
      await t.gql(
        owner.key,
        `mutation { transitionModelVersion(id: "${versionId}", to: IN_REVIEW, rationale: "please review") { id } }`,
        undefined,
        {
          'x-correlation-id': 'audit-test-1',
        },
      ),
    );
  });
  afterAll(() => t?.close());

  it('records a transition with actor, before/after, changed fields and correlation id', async () => {
    const { auditEvents } = ok(await t.gql(t.adminKey, EVENTS, { filter: { subjectId: versionId, action: 'model_version.transitioned' } }));
    expect(auditEvents.edges).toHaveLength(1);
    expect(auditEvents.edges[0].node).toMatchObject({
      subjectType: 'ModelVersion',
      actorId: owner.id,
      correlationId: 'audit-test-1',
      before: { status: 'draft', submittedBy: null },
      after: { status: 'in_review', submittedBy: owner.id, rationale: 'please review' },
      changes: { status: { from: 'draft', to: 'in_review' }, submittedBy: { from: null, to: owner.id } },
    });
  });

  it('filters by action prefix, actor and time, newest first, and pages with cursors', async () => {
    const byOwner = ok(await t.gql(t.adminKey, EVENTS, { filter: { actorId: owner.id, action: 'model' } })).auditEvents.edges;
    expect(byOwner).toEqual([]); // "model" is an exact action, not a prefix
    const prefixed = ok(await t.gql(t.adminKey, EVENTS, { filter: { actorId: owner.id, action: 'model_version.' } })).auditEvents.edges;
    expect(prefixed.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'model_version.transitioned',
      'model_version.registered',
    ]);
    const future = ok(await t.gql(t.adminKey, EVENTS, { filter: { from: new Date(Date.now() + 60_000).toISOString() } })).auditEvents.edges;
    expect(future).toEqual([]);

    const all: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = ok(await t.gql(t.adminKey, EVENTS, { first: 3, after })).auditEvents;
      all.push(...page.edges.map((e: { node: { occurredAt: string } }) => e.node.occurredAt));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const everything = ok(await t.gql(t.adminKey, EVENTS, { first: 100 })).auditEvents.edges;
    expect(all).toHaveLength(everything.length);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('is readable by auditors and compliance officers, FORBIDDEN to owners; API keys stay admin-only', async () => {
    for (const role of ['auditor', 'compliance_officer']) {
      const p = await principalWithRole(t, role);
      expect(ok(await t.gql(p.key, EVENTS, { first: 1 })).auditEvents.edges).toHaveLength(1);
    }
    expect(errorCode(await t.gql(owner.key, EVENTS))).toBe('FORBIDDEN');
    const auditor = await principalWithRole(t, 'auditor');
    expect(errorCode(await t.gql(auditor.key, '{ apiKeys { id } }'))).toBe('FORBIDDEN');
  });

  it('rejects bad filters and cursors with VALIDATION_FAILED', async () => {
    expect(errorCode(await t.gql(t.adminKey, EVENTS, { after: 'garbage' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, EVENTS, { filter: { actorId: 'not-a-uuid' } }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, EVENTS, { first: 0 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, EVENTS, { filter: { from: 'yesterday' } }))).toBe('VALIDATION_FAILED');
  });

  it('leaves no audit event behind when a mutation fails', async () => {
    const before = ok(await t.gql(t.adminKey, EVENTS, { first: 100 })).auditEvents.edges.length;
    expect(errorCode(await t.gql(owner.key, 'mutation { registerModel(input: { name: "audited" }) { id } }'))).toBe('CONFLICT');
    expect(ok(await t.gql(t.adminKey, EVENTS, { first: 100 })).auditEvents.edges.length).toBe(before);
  });
});

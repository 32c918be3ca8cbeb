import request from 'supertest';
import { csvObjects } from './support/csv';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

// The console's decisions page (issue 15, page 3): every filter of `decisions`, its validation, and
// GET /api/v1/decisions.csv with the same filters, roles, withholding and audit.

const LIST = `query($f: DecisionFilter, $first: Int!, $after: String) { decisions(filter: $f, first: $first, after: $after) {
  edges { cursor node { id status outcome confidence correlationId input output } } pageInfo { hasNextPage endCursor } } }`;

describe('decisions for the console: filters, paging and the CSV export', () => {
  let t: TestApp;
  let plain: AutomationFixture;
  let highRisk: AutomationFixture;
  let production: AutomationFixture;
  let dev: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  const ids: Record<string, string> = {};

  const record = async (f: AutomationFixture, extra: Record<string, unknown>) =>
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) })).recordDecision.decision as { id: string; status: string };
  const list = async (filter: Record<string, unknown>, key = officer.key, first = 100) =>
    ok(await t.gql(key, LIST, { f: filter, first })).decisions.edges.map((e: any) => e.node);
  const idsOf = async (filter: Record<string, unknown>, key?: string) => (await list(filter, key)).map((d: { id: string }) => d.id);
  const csv = (query: Record<string, unknown>, key: string | null = officer.key) => {
    const req = request(t.app.getHttpServer())
      .get('/api/v1/decisions.csv')
      .query(query as Record<string, string>);
    return key ? req.set('authorization', `Bearer ${key}`) : req;
  };

  beforeAll(async () => {
    // Exports have a budget of their own (10 a minute by default); these tests export many times.
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    // Registered before the pack is active: the registration policies would refuse some of them.
    plain = await automationFixture(t);
    highRisk = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    production = await automationFixture(t, { environment: 'PRODUCTION' });
    dev = await automationFixture(t, { environment: 'DEV' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "console tests") { digest } }'));
    ids.early = (await record(plain, { occurredAt: '2026-01-10T12:00:00Z', confidence: 0.2, correlationId: 'case-early' })).id;
    ids.review = (await record(highRisk, { occurredAt: '2026-02-10T12:00:00Z', confidence: 0.4, correlationId: 'case-review' })).id;
    ids.blocked = (await record(production, { occurredAt: '2026-03-10T12:00:00Z', confidence: 0.6 })).id;
    ids.annotated = (await record(dev, { occurredAt: '2026-04-10T12:00:00Z', confidence: 0.8 })).id;
    ids.noConfidence = (await record(plain, { occurredAt: '2026-05-10T12:00:00Z', confidence: undefined })).id;
  });
  afterAll(() => t?.close());

  it('records the statuses the filters below rely on', async () => {
    const byId = Object.fromEntries((await list({})).map((d: { id: string; status: string }) => [d.id, d.status]));
    expect(byId).toEqual({
      [ids.early]: 'RECORDED',
      [ids.review]: 'PENDING_REVIEW',
      [ids.blocked]: 'BLOCKED',
      [ids.annotated]: 'RECORDED',
      [ids.noConfidence]: 'RECORDED',
    });
  });

  it('filters by automation, automation version and model version', async () => {
    expect(await idsOf({ automationId: plain.automationId })).toEqual([ids.noConfidence, ids.early]);
    expect(await idsOf({ automationVersionId: highRisk.automationVersionId })).toEqual([ids.review]);
    expect(await idsOf({ modelVersionId: production.modelVersionId })).toEqual([ids.blocked]);
  });

  it('filters by status and outcome', async () => {
    expect(await idsOf({ status: 'BLOCKED' })).toEqual([ids.blocked]);
    expect(await idsOf({ status: 'PENDING_REVIEW' })).toEqual([ids.review]);
    expect(await idsOf({ outcome: 'PENDING_REVIEW' })).toEqual([ids.review]);
  });

  it('filters by a policy that matched, by its effect, or by both', async () => {
    expect(await idsOf({ policyId: 'high-risk-low-confidence-review' })).toEqual([ids.review]);
    expect(await idsOf({ policyEffect: 'DENY' })).toEqual([ids.blocked]);
    expect(await idsOf({ policyEffect: 'ANNOTATE' })).toEqual([ids.annotated]);
    expect(await idsOf({ policyId: 'annotate-dev-decisions', policyEffect: 'ANNOTATE' })).toEqual([ids.annotated]);
    expect(await idsOf({ policyId: 'annotate-dev-decisions', policyEffect: 'DENY' })).toEqual([]);
  });

  it('filters by occurredAt: from inclusive, to exclusive', async () => {
    expect(await idsOf({ from: '2026-02-10T12:00:00Z', to: '2026-04-10T12:00:00Z' })).toEqual([ids.blocked, ids.review]);
    expect(await idsOf({ from: '2026-05-01T00:00:00Z' })).toEqual([ids.noConfidence]);
    expect(await idsOf({ to: '2026-01-10T12:00:00.001Z' })).toEqual([ids.early]);
  });

  it('filters by a confidence range, leaving out decisions without one', async () => {
    expect(await idsOf({ minConfidence: 0.4, maxConfidence: 0.6 })).toEqual([ids.blocked, ids.review]);
    expect(await idsOf({ minConfidence: 0.7 })).toEqual([ids.annotated]);
    expect(await idsOf({ maxConfidence: 0.2 })).toEqual([ids.early]);
  });

  it('filters by correlation id', async () => {
    expect(await idsOf({ correlationId: 'case-review' })).toEqual([ids.review]);
  });

  it('pages newest first with cursors, every decision once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await t.gql(officer.key, LIST, { f: {}, first: 2, after })).decisions;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(await idsOf({}));
    expect(seen).toHaveLength(5);
  });

  it.each([
    ['from after to', { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, /to must not be below from/],
    ['minConfidence above maxConfidence', { minConfidence: 0.8, maxConfidence: 0.2 }, /maxConfidence must not be below minConfidence/],
    ['a confidence above 1', { minConfidence: 1.5 }, /minConfidence/],
    ['an automation id that is not an id', { automationId: 'claims' }, /automationId must be a UUID/],
    ['a model version id that is not an id', { modelVersionId: '42' }, /modelVersionId must be a UUID/],
    ['an empty correlation id', { correlationId: '' }, /correlationId/],
  ])('refuses %s with VALIDATION_FAILED', async (_, filter, message) => {
    const res = await t.gql(officer.key, LIST, { f: filter, first: 10 });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it("shows a service only its automations' decisions and an auditor no inputs or outputs", async () => {
    expect(await idsOf({}, plain.service.key)).toEqual([ids.noConfidence, ids.early]);
    const forAuditor = await list({ automationId: plain.automationId }, auditor.key);
    expect(forAuditor.map((d: any) => [d.input, d.output])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  describe('GET /api/v1/decisions.csv', () => {
    it('exports the rows the decisions query gives for the same filters, in the same order', async () => {
      const filters = [
        {},
        { automationId: plain.automationId },
        { status: 'BLOCKED' },
        { policyId: 'high-risk-low-confidence-review', policyEffect: 'REQUIRE_REVIEW' },
        { from: '2026-02-01T00:00:00Z', to: '2026-04-30T00:00:00Z', minConfidence: 0.5 },
        { correlationId: 'case-early' },
      ];
      for (const filter of filters) {
        const res = await csv(filter);
        expect(res.status).toBe(200);
        const rows = csvObjects(res.text);
        const graphql = await list(filter);
        expect(rows.map((r) => r.id)).toEqual(graphql.map((d: any) => d.id));
        expect(rows.map((r) => [r.status, r.outcome, r.correlationId])).toEqual(
          graphql.map((d: any) => [d.status, d.outcome, d.correlationId ?? '']),
        );
      }
    });

    it('is a CSV attachment with a header row, JSON cells, and the matched policies', async () => {
      const res = await csv({ automationId: dev.automationId });
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="decisions-[\w-]+\.csv"$/);
      expect(res.text.split('\r\n')[0]).toBe(
        'id,occurredAt,recordedAt,automationId,automationVersionId,modelVersionId,status,outcome,confidence,correlationId,idempotencyKey,policyEffect,policies,policyPackDigest,inputHash,input,output,ledgerIndex,sealedAt',
      );
      const [row] = csvObjects(res.text);
      expect(row).toMatchObject({
        id: ids.annotated,
        occurredAt: '2026-04-10T12:00:00.000Z',
        confidence: '0.8',
        policyEffect: 'ANNOTATE',
        policies: 'annotate-dev-decisions:ANNOTATE',
        automationId: dev.automationId,
      });
      expect(JSON.parse(row.input)).toEqual({ claim: { amount: 1200, kind: 'motor' } });
      expect(JSON.parse(row.output)).toEqual({ route: 'fast-track' });
    });

    it('quotes as RFC 4180 asks and neutralises cells a spreadsheet would run as formulas', async () => {
      const tricky = await record(plain, {
        correlationId: '=HYPERLINK("https://evil.example","open")',
        idempotencyKey: '@SUM(A1:A9)',
        input: { note: 'a, "quoted"\nsecond line' },
      });
      const res = await csv({ automationId: plain.automationId, from: '2026-06-01T00:00:00Z' });
      expect(res.text).toContain(`"'=HYPERLINK(""https://evil.example"",""open"")"`);
      expect(res.text).toContain(`,'@SUM(A1:A9),`);
      const [row] = csvObjects(res.text);
      expect(row.id).toBe(tricky.id);
      expect(row.correlationId).toBe(`'=HYPERLINK("https://evil.example","open")`);
      expect(JSON.parse(row.input)).toEqual({ note: 'a, "quoted"\nsecond line' });
    });

    it('withholds input and output from an auditor, and shows a service only its automations', async () => {
      const forAuditor = csvObjects((await csv({ automationId: highRisk.automationId }, auditor.key)).text);
      expect(forAuditor.map((r) => [r.id, r.input, r.output])).toEqual([[ids.review, '[withheld]', '[withheld]']]);
      const forService = csvObjects((await csv({}, highRisk.service.key)).text);
      expect(forService.map((r) => r.id)).toEqual([ids.review]);
    });

    it('refuses bad filters with 400 and a code, before anything is exported', async () => {
      // Exports start with export.started; an earlier test's export.finished may still be on its way.
      const started = async () => (await exportEvents()).filter((e: any) => e.action === 'export.started');
      const before = await started();
      for (const query of [
        { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
        { minConfidence: 0.9, maxConfidence: 0.1 },
        { minConfidence: 'high' },
        { automationId: 'claims' },
        { status: 'SHREDDED' },
        { from: 'yesterday' },
        { unknownFilter: 'x' },
      ]) {
        const res = await csv(query);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
      }
      expect(await started()).toEqual(before);
    });

    it('needs the same authentication and role as the decisions query', async () => {
      expect((await csv({}, null)).status).toBe(401);
      const owner = await principalWithRole(t, 'model_owner');
      const refused = await csv({}, owner.key);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    });

    it('audits each export: its filters when it starts, its row count when it ends', async () => {
      const res = await csv({ status: 'RECORDED', automationId: plain.automationId });
      const exported = csvObjects(res.text).length;
      // The end of an export is audited once the last row has left: the client may see the file first.
      const events = await until(
        async () => {
          const mine = (await exportEvents()).filter((e: any) => e.actorId === officer.id);
          return mine.some((e: any) => e.action === 'export.finished' && e.after.filters.status === 'recorded') && mine;
        },
        'the export.finished audit event',
        60_000,
      );
      const finished = events.find((e: any) => e.action === 'export.finished' && e.after.filters.status === 'recorded');
      const started = events.find((e: any) => e.action === 'export.started' && e.subjectId === finished.subjectId);
      expect(started.after).toEqual({ of: 'decisions', format: 'csv', filters: { status: 'recorded', automationId: plain.automationId } });
      expect(finished.after).toMatchObject({ of: 'decisions', rowCount: exported, complete: true });
      expect(exported).toBeGreaterThan(0);
    });
  });

  async function exportEvents(): Promise<any[]> {
    return ok(
      await t.gql(
        t.adminKey,
        '{ auditEvents(filter: { subjectType: "Export" }, first: 100) { edges { node { action actorId subjectId after } } } }',
      ),
    ).auditEvents.edges.map((e: any) => e.node);
  }
});

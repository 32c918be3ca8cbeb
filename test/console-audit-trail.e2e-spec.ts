import request from 'supertest';
import { csvObjects } from './support/csv';
import { sealAll } from './support/ledger';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

// The console's audit trail (issue 15, page 6): the auditEvents filters, each event's ledger seal,
// and GET /api/v1/audit-events.csv with the same filters. Also run on the embedded default.

const EVENTS = `query($f: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) {
  edges { node { id action subjectType subjectId actorId changes occurredAt ledgerIndex sealedAt } } pageInfo { hasNextPage endCursor } } }`;

describe('the audit trail for the console: filters, seals and the CSV export', () => {
  let t: TestApp;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let officer: { id: string; key: string };
  let aliceModel: string;
  let bobModel: string;
  let middle: string;
  let noteModel: string;

  const events = async (filter: Record<string, unknown>, first = 100) =>
    ok(await t.gql(officer.key, EVENTS, { f: filter, first })).auditEvents.edges.map((e: any) => e.node);
  const register = async (who: { key: string }, name: string) =>
    ok(await t.gql(who.key, 'mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: name })).registerModel.id as string;
  const csv = (query: Record<string, unknown>, key = officer.key) =>
    request(t.app.getHttpServer())
      .get('/api/v1/audit-events.csv')
      .query(query as Record<string, string>)
      .set('authorization', `Bearer ${key}`);

  beforeAll(async () => {
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    alice = await principalWithRole(t, 'model_owner', { name: 'alice' });
    bob = await principalWithRole(t, 'model_owner', { name: 'bob' });
    officer = await principalWithRole(t, 'compliance_officer');
    aliceModel = await register(alice, '=cmd|"/c calc"!A1');
    middle = (await events({ actorId: alice.id }))[0].occurredAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    bobModel = await register(bob, 'bob-model');
    noteModel = ok(
      await t.gql(alice.key, 'mutation($d: String!) { registerModel(input: { name: "noted", description: $d }) { id } }', {
        d: 'a, "quoted"\nnote',
      }),
    ).registerModel.id;
  });
  afterAll(() => t?.close());

  it('filters by actor, action (exact or a prefix), subject type and subject id', async () => {
    expect((await events({ actorId: bob.id })).map((e: any) => e.subjectId)).toEqual([bobModel]);
    expect((await events({ actorId: alice.id })).map((e: any) => e.subjectId)).toEqual([noteModel, aliceModel]);
    expect((await events({ action: 'model.registered', actorId: bob.id })).map((e: any) => e.subjectId)).toEqual([bobModel]);
    expect(await events({ action: 'model.transitioned' })).toEqual([]);
    expect((await events({ action: 'model.' })).map((e: any) => e.subjectId)).toEqual([noteModel, bobModel, aliceModel]);
    expect((await events({ subjectType: 'Model', subjectId: bobModel })).map((e: any) => e.action)).toEqual(['model.registered']);
    expect(await events({ subjectType: 'Dataset' })).toEqual([]);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const after = await events({ from: middle, action: 'model.' });
    expect(after.map((e: any) => e.subjectId)).toEqual([noteModel, bobModel, aliceModel]);
    const before = await events({ to: middle, action: 'model.' });
    expect(before).toEqual([]);
    const justOne = await events({ from: middle, to: new Date(new Date(middle).getTime() + 1).toISOString(), action: 'model.' });
    expect(justOne.map((e: any) => e.subjectId)).toEqual([aliceModel]);
  });

  it('shows what changed, and each event’s ledger seal once sealed', async () => {
    const [updated] = await events({ subjectId: noteModel });
    expect(updated.changes).toMatchObject({ name: { from: null, to: 'noted' }, description: { from: null, to: 'a, "quoted"\nnote' } });
    await sealAll(t);
    const [sealed] = await events({ subjectId: noteModel });
    const leaf = ok(
      await t.gql(officer.key, 'query($f: String!) { ledgerEntries(filter: { factId: $f }) { edges { node { index sealedAt } } } }', {
        f: updated.id,
      }),
    ).ledgerEntries.edges[0].node;
    expect(sealed).toMatchObject({ ledgerIndex: leaf.index, sealedAt: leaf.sealedAt });
    expect(typeof sealed.ledgerIndex).toBe('number');
  });

  it('pages with cursors, every event once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await t.gql(officer.key, EVENTS, { f: { action: 'model.' }, first: 1, after })).auditEvents;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual((await events({ action: 'model.' })).map((e: any) => e.id));
  });

  it.each([
    ['from after to', { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, /to must not be below from/],
    ['an actor id that is not an id', { actorId: 'alice' }, /actorId must be a UUID/],
    ['an empty action', { action: '' }, /action/],
  ])('refuses %s with VALIDATION_FAILED', async (_, filter, message) => {
    const res = await t.gql(officer.key, EVENTS, { f: filter });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('is refused to roles that may not read the trail', async () => {
    expect(errorCode(await t.gql(alice.key, EVENTS, { f: {} }))).toBe('FORBIDDEN');
    expect((await csv({}, alice.key)).status).toBe(403);
  });

  describe('GET /api/v1/audit-events.csv', () => {
    it('exports the rows auditEvents gives for the same filters, with changes and seals', async () => {
      await sealAll(t); // so that no seal lands between the download and the query it is compared with
      for (const filter of [{ action: 'model.' }, { actorId: alice.id }, { subjectType: 'Model', subjectId: bobModel }, { from: middle }]) {
        const res = await csv(filter);
        expect(res.status).toBe(200);
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-[\w-]+\.csv"$/);
        const graphql = await events(filter);
        const rows = csvObjects(res.text);
        // An export is itself on the trail: an unfiltered range also holds this export's start.
        const trail = rows.filter((r) => r.subjectType !== 'Export');
        expect(trail.map((r) => r.id)).toEqual(graphql.filter((e: any) => e.subjectType !== 'Export').map((e: any) => e.id));
        for (const row of trail) {
          const event = graphql.find((e: any) => e.id === row.id);
          expect(JSON.parse(row.changes)).toEqual(event.changes);
          expect(row.ledgerIndex).toBe(event.ledgerIndex === null ? '' : String(event.ledgerIndex));
        }
      }
    });

    it('quotes what registrants typed, and neutralises a cell a spreadsheet would run', async () => {
      const tagged = ok(
        await t.gql(bob.key, 'mutation { registerModel(input: { name: "tagged" }) { id } }', undefined, { 'x-correlation-id': '-2-3' }),
      ).registerModel.id;
      const [row] = csvObjects((await csv({ subjectId: tagged })).text);
      expect(row.correlationId).toBe("'-2-3");
      const [registered] = csvObjects((await csv({ subjectId: aliceModel })).text);
      expect(JSON.parse(registered.after).name).toBe('=cmd|"/c calc"!A1');
      const res = await csv({ subjectId: noteModel });
      const [noted] = csvObjects(res.text);
      expect(JSON.parse(noted.changes).description.to).toBe('a, "quoted"\nnote');
      expect(res.text.split('\r\n')[0]).toBe(
        'id,occurredAt,actorId,action,subjectType,subjectId,correlationId,changes,before,after,ledgerIndex,sealedAt',
      );
    });

    it('refuses bad filters with 400 and a code', async () => {
      for (const query of [{ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, { actorId: 'alice' }, { page: '2' }]) {
        const res = await csv(query);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
      }
    });

    it('audits the export of the trail with its filters and row count', async () => {
      const rows = csvObjects((await csv({ actorId: bob.id, subjectId: bobModel })).text);
      expect(rows).toHaveLength(1);
      // The end of an export is audited once the last row has left: the client may see the file first.
      const finished = await until(
        async () => (await events({ subjectType: 'Export', actorId: officer.id })).find((e: any) => e.action === 'export.finished'),
        'the export.finished audit event',
        60_000,
      );
      const { after } = ok(
        await t.gql(officer.key, 'query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action after } } } }', {
          id: finished.subjectId,
        }),
      ).auditEvents.edges[0].node;
      expect(after).toEqual({
        of: 'audit_events',
        format: 'csv',
        filters: { actorId: bob.id, subjectId: bobModel },
        rowCount: 1,
        complete: true,
      });
    });
  });
});

import { randomBytes } from 'node:crypto';
import { loadContextMap } from './support/context-map';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { createTenant, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { withClient } from './support/test-database';

/**
 * The views (and functions) contexts publish for each other (docs/context-map.yaml, migrations/1764835200000-PublishedReads.ts,
 * migrations/1764836400000-LineagePublishedReads.ts)
 * keep the tenant policies of the tables they read: `security_invoker`, so a reader sees its tenant's
 * rows only, and none without a tenant.
 */
const PUBLISHED = Object.values(loadContextMap().contexts).flatMap((c) => c.publishes ?? []);
const REVIEW = 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "checked") { id } }';
const MOVE_MODEL = 'mutation($id: ID!, $to: LifecycleStatus!) { transitionModelVersion(id: $id, to: $to, rationale: "gate") { status } }';

describe('published views', () => {
  let t: TestApp;
  const tenants: string[] = [];

  /** As attest_app (RLS applies: it is no superuser), with the tenant set when given. */
  const asApp = <T>(tenantId: string | undefined, work: (query: (sql: string) => Promise<any[]>) => Promise<T>) =>
    withClient(t.databaseUrl, async (c) => {
      await c.query('BEGIN');
      try {
        await c.query('SET LOCAL ROLE attest_app');
        if (tenantId) await c.query(`SELECT set_config('attest.tenant_id', $1, true)`, [tenantId]);
        return await work(async (sql) => (await c.query(sql)).rows);
      } finally {
        await c.query('ROLLBACK');
      }
    });

  beforeAll(async () => {
    t = await startTestApp();
    // Two tenants, each with registry entries, a lifecycle transition and approval, and a reviewed decision.
    for (const slug of ['views-a', 'views-b']) {
      const tenant = await createTenant(t, `${slug}-${randomBytes(3).toString('hex')}`);
      const caller = { ...t, adminKey: tenant.adminKey };
      const f = await automationFixture(caller, { trainingPii: ['none'], oversightMode: 'REQUIRED' });
      const decisionId = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
      const officer = await principalWithRole(caller, 'compliance_officer');
      ok(await t.gql(officer.key, REVIEW, { id: decisionId }));
      ok(await t.gql(tenant.adminKey, MOVE_MODEL, { id: f.modelVersionId, to: 'IN_REVIEW' }));
      ok(await t.gql(officer.key, MOVE_MODEL, { id: f.modelVersionId, to: 'APPROVED' }));
      tenants.push(tenant.tenantId);
    }
  });
  afterAll(() => t?.close());

  it("are the views and functions the context map lists, each with the reader's rights and usable by the application", async () => {
    const views = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `SELECT c.relname, coalesce('security_invoker=true' = ANY (c.reloptions), false) AS invoker, has_table_privilege('attest_app', c.oid, 'SELECT') AS readable
         FROM pg_class c WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1::text[])`,
            [PUBLISHED],
          )
        ).rows,
    );
    // A published function runs with its caller's rights (no SECURITY DEFINER), so the tenant policies apply.
    const functions = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `SELECT p.proname AS relname, NOT p.prosecdef AS invoker, has_function_privilege('attest_app', p.oid, 'EXECUTE') AS readable
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proname = ANY ($1::text[])`,
            [PUBLISHED],
          )
        ).rows,
    );
    const rows = [...views, ...functions];
    expect(rows.map((r) => r.relname).sort()).toEqual([...PUBLISHED].sort());
    expect(rows.filter((r) => !r.invoker || !r.readable)).toEqual([]);
    // Functions are named attest_* (docs/context-map.yaml) and views are not: the next test reads the views by name.
    expect(functions.every((r) => r.relname.startsWith('attest_')) && views.every((r) => !r.relname.startsWith('attest_'))).toBe(true);
  });

  // A published function's tenant isolation is tested where it is used (test/ledger-openings.e2e-spec.ts).
  it.each(PUBLISHED.filter((name) => !name.startsWith('attest_')))(
    '%s shows a tenant its own rows only, and nothing without a tenant',
    async (view) => {
      const [a] = tenants;
      const seen = await asApp(a, (q) => q(`SELECT DISTINCT tenant_id FROM ${view}`));
      expect(seen.map((r) => r.tenant_id)).toEqual([a]);
      expect(await asApp(undefined, (q) => q(`SELECT 1 FROM ${view} LIMIT 1`))).toEqual([]);
    },
  );
});

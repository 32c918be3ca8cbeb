import { randomBytes } from 'node:crypto';
import { runMigrations, TenantDb } from '@attest/core';
import { MIGRATIONS } from '../migrations';
import { IngestRecoverySweeper } from '../libs/decisions/src/bulk/ingest-recovery.sweeper';
import { WebhookOutboxSweeper } from '../libs/decisions/src/webhooks/webhook-outbox.sweeper';
import { PolicySimulationSweeper } from '../libs/policy-review/src/simulation/policy-simulation.sweeper';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { createTenant, ok, startTestApp, type GraphQLCaller, type TestApp } from './support/test-app';
import { createOwnedTestDatabase, withClient } from './support/test-database';
import { until } from './support/until';

const RECORD_MANY = `mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }`;
const INGEST = `mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }`;
const INGEST_JOB = `query($id: ID!) { ingestJob(id: $id) { status counts { recorded failed } } }`;
const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;

interface Tenant {
  id: string;
  api: GraphQLCaller;
  f: AutomationFixture;
  subscriptionId: string;
}

/**
 * FORCE ROW LEVEL SECURITY (docs/security.md, "Owner sessions"): on a database migrated by an owner
 * that is no superuser, as production runs, everything works across tenants, while the owner's own
 * session without a tenant reads none of their rows.
 */
describe("row-level security binds the tables' owner (a non-superuser owner, as in production)", () => {
  let t: TestApp;
  let ownerUrl: string;
  let a: Tenant;
  let b: Tenant;

  /** As the owner, in one transaction, with attest.tenant_id set when a tenant is given. */
  const asOwner = <T>(tenantId: string | undefined, work: (query: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>) =>
    withClient(ownerUrl, async (c) => {
      await c.query('BEGIN');
      try {
        if (tenantId) await c.query(`SELECT set_config('attest.tenant_id', $1, true)`, [tenantId]);
        return await work(async (sql, params) => (await c.query(sql, params)).rows);
      } finally {
        await c.query('ROLLBACK');
      }
    });

  /** A tenant with an automation, a webhook subscription and decisions recorded one by one, in a batch and by ingest. */
  async function tenantWithDecisions(api: GraphQLCaller, id: string): Promise<Tenant> {
    const f = await automationFixture(api);
    const subscriptionId = ok(
      await api.gql(api.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: 'https://example.com/hooks', events: ['DECISION_BLOCKED'] },
      }),
    ).createWebhookSubscription.subscription.id;
    ok(await api.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    expect(
      ok(await api.gql(f.service.key, RECORD_MANY, { i: { decisions: [decisionInput(f), decisionInput(f)] } })).recordDecisions.counts,
    ).toEqual({ recorded: 2, failed: 0 });
    const ingestId = ok(await api.gql(f.service.key, INGEST, { i: { decisions: [decisionInput(f), decisionInput(f), decisionInput(f)] } }))
      .ingestDecisions.id;
    const ingested = await until(
      async () => {
        const job = ok(await api.gql(f.service.key, INGEST_JOB, { id: ingestId })).ingestJob;
        return job.status === 'COMPLETED' ? job : undefined;
      },
      'the ingest job to complete',
      60_000,
    );
    expect(ingested.counts).toEqual({ recorded: 3, failed: 0 });
    return { id, api, f, subscriptionId };
  }

  beforeAll(async () => {
    const database = await createOwnedTestDatabase();
    ownerUrl = database.url;
    // The migrations as that owner, then the application's login role, a member of attest_app (as an operator would).
    expect(await runMigrations(ownerUrl, MIGRATIONS)).toHaveLength(MIGRATIONS.length);
    const appRole = `${database.owner}_app`;
    const appPassword = randomBytes(12).toString('hex');
    await withClient(ownerUrl, (c) => c.query(`CREATE ROLE ${appRole} LOGIN IN ROLE attest_app PASSWORD '${appPassword}'`));
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = appPassword;
    t = await startTestApp(
      {
        DATABASE_URL: ownerUrl,
        ATTEST_APP_DATABASE_URL: appUrl.toString(),
        REDIS_URL: '', // jobs and the sequencer in the API process, as on the embedded default
        ATTEST_WEBHOOK_ATTEMPTS: '1',
      },
      database,
    );
    const defaultTenant = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id;
    const other = await createTenant(t, `rls-${randomBytes(3).toString('hex')}`);
    a = await tenantWithDecisions(t, defaultTenant);
    b = await tenantWithDecisions({ adminKey: other.adminKey, gql: t.gql.bind(t) }, other.tenantId);
  }, 180_000);
  afterAll(() => t?.close());

  it('every table with row-level security forces it, and only attest_maintenance crosses tenants', async () => {
    await asOwner(undefined, async (query) => {
      expect(await query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).toEqual([
        { rolsuper: false, rolbypassrls: false },
      ]);
      const tables = await query(
        `SELECT relname, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relrowsecurity`,
      );
      expect(tables.length).toBeGreaterThan(30);
      expect(tables.filter((r) => !r.relforcerowsecurity).map((r) => r.relname)).toEqual([]);
      // Every SECURITY DEFINER function runs as attest_maintenance, a role no session can log in as or become.
      expect(
        await query(`SELECT p.oid::regprocedure::text AS fn FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef AND p.proowner <> 'attest_maintenance'::regrole`),
      ).toEqual([]);
      expect(
        await query(`SELECT rolcanlogin, rolsuper, rolbypassrls, rolinherit,
          (SELECT count(*)::int FROM pg_auth_members WHERE roleid = r.oid) AS members
        FROM pg_roles r WHERE rolname = 'attest_maintenance'`),
      ).toEqual([{ rolcanlogin: false, rolsuper: false, rolbypassrls: false, rolinherit: true, members: 0 }]);
      expect(
        await query(
          `SELECT count(*)::int AS n FROM pg_policies WHERE schemaname = 'public' AND policyname = 'maintenance_cross_tenant' AND roles <> '{attest_maintenance}'`,
        ),
      ).toEqual([{ n: 0 }]);
    });
  });

  it('records, ingests, seals, verifies, counts and sweeps for both tenants', async () => {
    await sealAll(t);
    for (const tenant of [a, b]) {
      expect(ok(await tenant.api.gql(tenant.api.adminKey, '{ verifyLedger { ok leavesChecked } }')).verifyLedger).toEqual({
        ok: true,
        leavesChecked: expect.any(Number),
      });
      // The counts trigger (attest_maintenance) counted each sealed decision in its own tenant.
      expect(
        await asOwner(tenant.id, (query) =>
          query(`SELECT (SELECT count(*)::int FROM decisions) AS decisions,
          (SELECT coalesce(sum(count), 0)::int FROM decision_counts) AS counted`),
        ),
      ).toEqual([{ decisions: 6, counted: 6 }]);
    }
    // Each tenant's webhook delivery whose job was lost (written, never enqueued) is found by the sweep.
    for (const tenant of [a, b]) {
      await withClient(ownerUrl, (c) =>
        c.query(`BEGIN; SELECT set_config('attest.tenant_id', '${tenant.id}', true);
        INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
        SELECT tenant_id, '${tenant.subscriptionId}', id, 'decision.reviewed', '{"lost": true}' FROM decisions LIMIT 1; COMMIT`),
      );
    }
    const swept = await t.app.get(WebhookOutboxSweeper).sweep('0 seconds');
    expect(swept).toBeGreaterThanOrEqual(2);
    for (const tenant of [a, b]) {
      await until(
        () => asOwner(tenant.id, async (query) => (await query(`SELECT 1 FROM webhook_delivery_attempts`)).length > 0),
        `tenant ${tenant.id}'s swept delivery to be tried`,
        60_000,
      );
    }
    // The other cross-tenant functions, as the application calls them.
    expect(await t.app.get(IngestRecoverySweeper).sweep('0 seconds')).toBe(0);
    expect(await t.app.get(PolicySimulationSweeper).sweep(0)).toBe(0);
    const db = t.app.get(TenantDb);
    expect((await db.unscoped<{ id: string }>('SELECT id FROM attest_tenant_ids() AS id')).map((r) => r.id)).toEqual(
      expect.arrayContaining([a.id, b.id]),
    );
    expect(
      (await db.unscoped<{ tenant_id: string }>(`SELECT tenant_id FROM attest_openlineage_export_due('0 seconds')`)).map(
        (r) => r.tenant_id,
      ),
    ).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("the owner's session without a tenant reads no tenant's rows, and would without FORCE", async () => {
    await asOwner(undefined, async (query) => {
      expect(await query('SELECT count(*)::int AS n FROM decisions')).toEqual([{ n: 0 }]);
      expect(await query('SELECT count(*)::int AS n FROM tenants')).toEqual([{ n: 0 }]);
    });
    await asOwner(a.id, async (query) => {
      expect(await query('SELECT DISTINCT tenant_id FROM decisions')).toEqual([{ tenant_id: a.id }]);
      // Writing into another tenant is refused to the owner as to the application.
      await expect(
        query(
          `INSERT INTO webhook_deliveries (tenant_id, subscription_id, decision_id, event, payload)
        VALUES ($1, $2, gen_random_uuid(), 'decision.reviewed', '{}')`,
          [b.id, b.subscriptionId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
    await asOwner(undefined, async (query) => {
      await query('ALTER TABLE decisions NO FORCE ROW LEVEL SECURITY');
      const seen = await query('SELECT DISTINCT tenant_id FROM decisions');
      expect(seen).toEqual(expect.arrayContaining([{ tenant_id: a.id }, { tenant_id: b.id }]));
    });
  });
});

import { sealAll, withFactKey } from '../support/ledger';
import { withClient } from '../support/test-database';
import { createTenant, errorCode, ok, startTestApp, type TestApp } from '../support/test-app';

const VERIFY =
  'query($from: SafeInt) { verifyLedger(fromIndex: $from) { ok fromIndex toIndex leavesChecked checkpointsChecked firstDivergence { index kind } } }';
const LEAVES = 3000;

/**
 * verifyLedger is the API's longest computation: each call is indexed (one fact lookup per kind
 * and page; the old per-leaf lookup scanned a fact table per leaf: 3,000 leaves took ~30 s),
 * asked for once per request, run once at a time per tenant, and bounded in time.
 */
describe('verifyLedger cannot hold the database', () => {
  let t: TestApp;
  let tenant: { tenantId: string; adminKey: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t, 'verify-abuse');
    // A few thousand facts written as the application would, each becoming a leaf through the trigger.
    await withFactKey(t, tenant.tenantId, (c) =>
      c.query(
        `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after)
       SELECT $1, 'bench.event', 'thing', 'thing-' || i, jsonb_build_object('i', i) FROM generate_series(1, ${LEAVES}) i`,
        [tenant.tenantId],
      ),
    );
    await sealAll(t);
  });
  afterAll(() => t?.close());

  it('verifies a few thousand leaves in one call', async () => {
    const verified = ok(await t.gql(tenant.adminKey, VERIFY)).verifyLedger;
    expect(verified).toMatchObject({ ok: true, fromIndex: 0, firstDivergence: null });
    expect(verified.leavesChecked).toBeGreaterThanOrEqual(LEAVES);
    expect(verified.leavesChecked).toBe(verified.toIndex + 1);
    expect(verified.checkpointsChecked).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second verifyLedger in one request, by alias or through a fragment', async () => {
    expect(errorCode(await t.gql(tenant.adminKey, '{ a: verifyLedger { ok } b: verifyLedger(fromIndex: 1) { ok } }'))).toBe(
      'QUERY_TOO_COMPLEX',
    );
    expect(errorCode(await t.gql(tenant.adminKey, '{ verifyLedger { ok } ...F } fragment F on Query { v: verifyLedger { ok } }'))).toBe(
      'QUERY_TOO_COMPLEX',
    );
  });

  it('costs in proportion to the range it asks for, the cap when the range is open', async () => {
    const strict = await startTestApp({ ATTEST_GRAPHQL_MAX_COMPLEXITY: '500', REDIS_URL: '' });
    try {
      await sealAll(strict);
      const cheap = await strict.gql(strict.adminKey, '{ verifyLedger(fromIndex: 0, toIndex: 0) { ok } }');
      expect(ok(cheap).verifyLedger.ok).toBe(true);
      for (const query of ['{ verifyLedger(fromIndex: 0, toIndex: 49999) { ok } }', '{ verifyLedger { ok } }']) {
        const refused = await strict.gql(strict.adminKey, query);
        expect(errorCode(refused)).toBe('QUERY_TOO_COMPLEX');
        expect(refused.errors?.[0].extensions).toMatchObject({ complexity: expect.any(Number) });
        expect(refused.errors![0].extensions!.complexity).toBeGreaterThan(2000);
      }
    } finally {
      await strict.close();
    }
  });

  it("refuses a verification while another of the tenant's is running, and runs other tenants'", async () => {
    // The lock a running verification holds, taken here as by another API process.
    await withClient(t.databaseUrl, async (running) => {
      await running.query(`SELECT pg_advisory_lock(hashtextextended('attest.ledger-verify/' || $1, 0))`, [tenant.tenantId]);
      const refused = await t.gql(tenant.adminKey, VERIFY);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toMatch(/verification of this tenant's ledger is running/);
      expect(ok(await t.gql(t.adminKey, VERIFY)).verifyLedger.ok).toBe(true);
    });
    expect(ok(await t.gql(tenant.adminKey, VERIFY, { from: 1 })).verifyLedger.ok).toBe(true);
  });

  it('stops a verification at its time limit with QUERY_TOO_COMPLEX, not INTERNAL', async () => {
    const limited = await startTestApp({ ATTEST_LEDGER_VERIFY_TIMEOUT_MS: '1000' });
    try {
      await sealAll(limited);
      // A statement that cannot finish in time: the checkpoints are locked by another session for longer than the limit.
      await withClient(limited.databaseUrl, async (c) => {
        await c.query('BEGIN');
        await c.query('LOCK TABLE ledger_checkpoints IN ACCESS EXCLUSIVE MODE');
        const timedOut = await limited.gql(limited.adminKey, VERIFY);
        await c.query('ROLLBACK');
        expect(errorCode(timedOut)).toBe('QUERY_TOO_COMPLEX');
        expect(timedOut.errors?.[0].message).toMatch(/longer than 1 s: verify the log in shorter consecutive ranges/);
      });
      expect(ok(await limited.gql(limited.adminKey, VERIFY)).verifyLedger.ok).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

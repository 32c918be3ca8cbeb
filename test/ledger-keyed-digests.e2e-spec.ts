import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { hmacSha256Pads, ledgerFactKey, serverSecret } from '@attest/core';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll, withFactKey } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, ok, startTestApp, type GraphQLCaller, type TestApp } from './support/test-app';

const PROOF = 'query($id: String!) { ledgerInclusionProof(factId: $id) { leafIndex leaf } }';
const VERIFY = '{ verifyLedger { ok leavesChecked firstDivergence { index kind factKind factId } } }';

/**
 * Ledger facts commit to personal content, idempotency keys and correlation ids under the tenant's
 * fact key (issue 13, items 8 and 9): by HMAC-SHA256 in format 2, by SHA-256 of a salt the key
 * derives in format 3 (issue 18; its openings: ledger-openings.e2e-spec). Whoever may read the
 * ledger cannot confirm a guess; the facts are still recomputed from the rows, so an edit is still
 * caught; and rows written before (ledger format 1) keep their facts.
 */
describe('keyed digests in ledger facts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  let seq = 0;
  async function tenantWithAutomation(): Promise<{
    tenantId: string;
    caller: GraphQLCaller;
    f: Awaited<ReturnType<typeof automationFixture>>;
  }> {
    const tenant = await createTenant(t, `keyed-${Date.now()}-${seq++}`);
    const caller: GraphQLCaller = { adminKey: tenant.adminKey, gql: t.gql.bind(t) };
    return { tenantId: tenant.tenantId, caller, f: await automationFixture(caller) };
  }

  /** The sealed leaf of a fact, as an auditor gets it from an inclusion proof. */
  async function leafOf(caller: GraphQLCaller, factId: string): Promise<{ index: number; text: string; fact: Record<string, any> }> {
    const proof = ok(await caller.gql(caller.adminKey, PROOF, { id: factId })).ledgerInclusionProof;
    return { index: proof.leafIndex, text: proof.leaf, fact: JSON.parse(proof.leaf).fact };
  }

  const asSuperuser = (sql: string, params: unknown[] = []) =>
    withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET session_replication_role = replica');
      return c.query(sql, params);
    });

  /** What format 1 held: SHA-256 of the stored content's jsonb text, which anyone could recompute from a guess. */
  const unkeyedDigests = async (decisionId: string): Promise<string[]> =>
    Object.values(
      (
        await withClient(t.databaseUrl, (c) =>
          c.query(
            `SELECT attest_ledger_digest(input) AS input, attest_ledger_digest(output) AS output, attest_ledger_digest(context) AS context
         FROM decisions WHERE id = $1`,
            [decisionId],
          ),
        )
      ).rows[0] as Record<string, string>,
    );

  it("keeps a decision's content, idempotency key and correlation id out of its leaf, keyed per tenant", async () => {
    const a = await tenantWithAutomation();
    const b = await tenantWithAutomation();
    const same = {
      idempotencyKey: `claim-${randomBytes(4).toString('hex')}`,
      correlationId: `corr-${randomBytes(4).toString('hex')}`,
      input: { claim: { amount: 4711, holder: 'Ada Lovelace' } },
      output: { route: 'manual' },
    };
    const idA = ok(await t.gql(a.f.service.key, RECORD, { i: decisionInput(a.f, same) }, { 'x-correlation-id': same.correlationId }))
      .recordDecision.decision.id;
    const idB = ok(await t.gql(b.f.service.key, RECORD, { i: decisionInput(b.f, same) })).recordDecision.decision.id;
    await sealAll(t);

    const leafA = await leafOf(a.caller, idA);
    const leafB = await leafOf(b.caller, idB);
    expect(leafA.fact).toMatchObject({
      kind: 'decision',
      format: 3,
      id: idA,
      input: expect.stringMatching(/^sha256-salted:[0-9a-f]{64}$/),
    });
    for (const hidden of [
      same.idempotencyKey,
      same.correlationId,
      'Ada Lovelace',
      ...(await unkeyedDigests(idA)).map((d) => d.slice('sha256:'.length)),
    ]) {
      expect(leafA.text).not.toContain(hidden);
    }
    for (const field of ['input', 'output', 'idempotencyKey', 'correlationId']) expect(leafA.fact[field]).not.toBe(leafB.fact[field]);

    // Keyed by the tenant's own key: the idempotency key's JSON text, salted by its HMAC of the field's name.
    const key = ledgerFactKey(serverSecret(t.config), a.tenantId);
    const salt = createHmac('sha256', key).update(`decision:${idA}:idempotencyKey`).digest();
    expect(leafA.fact.idempotencyKey).toBe(
      `sha256-salted:${createHash('sha256').update(salt).update(JSON.stringify(same.idempotencyKey)).digest('hex')}`,
    );

    // The decision's audit event carries the key in what changed, and the request's correlation id: digests too.
    const audit = ok(
      await a.caller.gql(a.caller.adminKey, '{ ledgerEntries(first: 100, filter: { kind: "audit_event" }) { edges { node { fact } } } }'),
    )
      .ledgerEntries.edges.map((e: { node: { fact: Record<string, any> } }) => e.node.fact)
      .find((fact: Record<string, any>) => fact.subjectId === idA);
    expect(audit).toMatchObject({
      format: 3,
      action: 'decision.recorded',
      after: expect.stringMatching(/^sha256-salted:/),
      correlationId: expect.stringMatching(/^sha256-salted:/),
    });
    expect(JSON.stringify(audit)).not.toContain(same.idempotencyKey);
    expect(JSON.stringify(audit)).not.toContain(same.correlationId);

    expect(ok(await a.caller.gql(a.caller.adminKey, VERIFY)).verifyLedger).toMatchObject({ ok: true, firstDivergence: null });
  });

  it("still catches an edit of a decision's output, or of its idempotency key", async () => {
    const { caller, f } = await tenantWithAutomation();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id);
    await sealAll(t);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.ok).toBe(true);

    const second = await leafOf(caller, ids[1]);
    await asSuperuser(`UPDATE decisions SET idempotency_key = idempotency_key || '-forged' WHERE id = $1`, [ids[1]]);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.firstDivergence).toEqual({
      index: second.index,
      kind: 'FACT_CHANGED',
      factKind: 'decision',
      factId: ids[1],
    });

    const first = await leafOf(caller, ids[0]);
    await asSuperuser(`UPDATE decisions SET output = '{"route": "denied"}' WHERE id = $1`, [ids[0]]);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.firstDivergence).toEqual({
      index: first.index,
      kind: 'FACT_CHANGED',
      factKind: 'decision',
      factId: ids[0],
    });
  });

  it('keeps verifying facts written before, in format 1, and catches an edit of one', async () => {
    const { tenantId, caller, f } = await tenantWithAutomation();
    const template = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    // A decision and an audit event as they were written before keyed digests (no fact key needed).
    const oldKey = `old-${randomBytes(4).toString('hex')}`;
    const old = (
      await withClient(t.databaseUrl, (c) =>
        c.query(
          `INSERT INTO decisions SELECT (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'idempotency_key', $2::text, 'ledger_format', 1))).*
         FROM decisions d WHERE id = $1 RETURNING id`,
          [template, oldKey],
        ),
      )
    ).rows[0].id as string;
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after, correlation_id, ledger_format)
       VALUES ($1, 'legacy.event', 'Decision', $2, '{"note": "before keyed digests"}', 'legacy-corr', 1)`,
        [tenantId, old],
      ),
    );
    await sealAll(t);

    const leaf = await leafOf(caller, old);
    expect(leaf.fact).toMatchObject({ idempotencyKey: oldKey, input: expect.stringMatching(/^sha256:/) });
    expect(leaf.fact).not.toHaveProperty('format');
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger).toMatchObject({ ok: true, firstDivergence: null });

    await asSuperuser(`UPDATE decisions SET output = '{"route": "denied"}' WHERE id = $1`, [old]);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.firstDivergence).toEqual({
      index: leaf.index,
      kind: 'FACT_CHANGED',
      factKind: 'decision',
      factId: old,
    });
  });

  // Its only content is NULL, and still: the key is looked for before any value is digested.
  it('refuses to write a keyed fact without the fact key, rather than write it unkeyed', async () => {
    await expect(
      withClient(t.databaseUrl, (c) =>
        c.query(
          `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id) SELECT id, 'no.key', 'thing', 'x' FROM tenants LIMIT 1`,
        ),
      ),
    ).rejects.toThrow(/attest\.ledger_fact_key is not set/);
  });

  describe('the HMAC computed in PostgreSQL', () => {
    const keys = [Buffer.from('k'), randomBytes(32), randomBytes(64), randomBytes(65), randomBytes(200)];
    const messages = ['', 'a', 'Grüße, 日本語, 🙂 and ＠', 'x'.repeat(63), 'y'.repeat(64), '{"email": "jane@example.com"}'.repeat(9)];

    it("equals Node's createHmac for keys shorter and longer than a block, and multi-byte UTF-8", async () => {
      await withClient(t.databaseUrl, async (c) => {
        for (const key of keys) {
          for (const message of messages) {
            const { rows } = await c.query(`SELECT encode(attest_ledger_hmac(decode($1, 'hex'), convert_to($2, 'UTF8')), 'hex') AS mac`, [
              hmacSha256Pads(key).toString('hex'),
              message,
            ]);
            expect({ key: key.length, message, mac: rows[0].mac }).toEqual({
              key: key.length,
              message,
              mac: createHmac('sha256', key).update(message, 'utf8').digest('hex'),
            });
          }
        }
      });
    });

    it("digests a value's jsonb text under the key the transaction holds", async () => {
      const { tenantId } = await createTenant(t, `keyed-hmac-${Date.now()}`);
      const key = ledgerFactKey(serverSecret(t.config), tenantId);
      await withFactKey(t, tenantId, async (c) => {
        for (const value of [{ name: 'Zoë', city: '東京' }, 'jane@example.com', [1, 2.5, null]]) {
          const { rows } = await c.query(`SELECT attest_ledger_keyed_digest($1::jsonb) AS digest, ($1::jsonb)::text AS text`, [
            JSON.stringify(value),
          ]);
          expect(rows[0].digest).toBe(`hmac-sha256:${createHmac('sha256', key).update(rows[0].text, 'utf8').digest('hex')}`);
        }
        expect((await c.query('SELECT attest_ledger_keyed_digest(NULL::jsonb) AS digest')).rows[0].digest).toBeNull();
      });
    });
  });
});

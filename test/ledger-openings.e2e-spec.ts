import { createHmac, randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { ledgerFactKey, serverSecret, TenantDb } from '@attest/core';
import {
  isOpenable,
  LedgerOpenings,
  openingValue,
  unopenedFields,
  verifyOpening,
  type FactOpenings,
  type OpenableKind,
} from '@attest/ledger';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll, withFactKey } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, ok, principalWithRole, startTestApp, type GraphQLCaller, type TestApp } from './support/test-app';

const ENTRIES = `query($f: LedgerEntryFilter) { ledgerEntries(filter: $f, first: 100) { edges { node { index factId fact currentFact leaf } } } }`;
const PROOF = 'query($id: String!) { ledgerInclusionProof(factId: $id) { leafIndex leaf } }';
const VERIFY = '{ verifyLedger { ok firstDivergence { index kind factKind factId } } }';
const REVIEW = `mutation($id: ID!, $v: ReviewVerdict!, $r: String!, $c: JSON) {
  reviewDecision(id: $id, verdict: $v, rationale: $r, correctedOutput: $c) { id } }`;

/** The fields each kind of fact commits to by salt (ledger format 3), as docs/ledger.md lists them. */
const COMMITTED: Record<OpenableKind, string[]> = {
  decision: ['idempotencyKey', 'correlationId', 'input', 'output', 'context', 'policyFacts', 'explanation'],
  decision_review: ['rationale', 'correctedOutput'],
  audit_event: ['before', 'after', 'changes', 'correlationId'],
};

/**
 * Format-3 facts commit to each content field by a salted digest, and a fact's openings (each
 * field's salt and text) let an auditor check the content an evidence pack discloses against the
 * sealed leaf, offline, with no key (issue 18). Format 1 and 2 facts have none.
 */
describe('openings of salted ledger facts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  let seq = 0;
  async function tenant(): Promise<{ tenantId: string; caller: GraphQLCaller }> {
    const created = await createTenant(t, `openings-${Date.now()}-${seq++}`);
    return { tenantId: created.tenantId, caller: { adminKey: created.adminKey, gql: t.gql.bind(t) } };
  }

  /** The openings of facts, as a context calls the service: in the tenant's transaction. */
  const openingsOf = (tenantId: string, kind: OpenableKind, factId: string): Promise<FactOpenings | null> =>
    t.app.get(TenantDb).transaction(tenantId, (m) => t.app.get(LedgerOpenings).openingsOf(m, kind, factId));

  /** The sealed fact, as an auditor gets it with its inclusion proof. */
  async function sealedFact(caller: GraphQLCaller, factId: string): Promise<{ index: number; fact: Record<string, any> }> {
    const proof = ok(await caller.gql(caller.adminKey, PROOF, { id: factId })).ledgerInclusionProof;
    return { index: proof.leafIndex, fact: JSON.parse(proof.leaf).fact };
  }

  const entries = async (caller: GraphQLCaller, filter: Record<string, unknown>): Promise<Record<string, any>[]> =>
    ok(await caller.gql(caller.adminKey, ENTRIES, { f: filter })).ledgerEntries.edges.map((e: { node: Record<string, any> }) => e.node);

  /** Every committed field of a fact is opened, each opening opens its own field, and a NULL value has none. */
  function expectOpened(kind: OpenableKind, fact: Record<string, any>, openings: FactOpenings | null): void {
    expect(fact.format).toBe(3);
    expect(Object.keys(openings ?? {}).sort()).toEqual([...COMMITTED[kind]].sort());
    for (const field of COMMITTED[kind]) {
      const opening = openings![field];
      if (fact[field] === null) expect([field, opening]).toEqual([field, null]);
      else expect([field, isOpenable(fact[field]), verifyOpening(fact[field], opening!)]).toEqual([field, true, true]);
    }
    expect(unopenedFields(fact, openings!)).toEqual([]);
    // Nothing else of the fact is a salted commitment, so nothing is left that the openings cannot open.
    expect(Object.keys(fact).filter((k) => isOpenable(fact[k]) && !COMMITTED[kind].includes(k))).toEqual([]);
  }

  it('opens every committed field of a decision, its review and their audit events against the sealed leaves', async () => {
    const { tenantId, caller } = await tenant();
    const f = await automationFixture(caller, { oversightMode: 'REQUIRED' });
    const officer = await principalWithRole(caller, 'compliance_officer');
    const correlationId = `corr-${randomBytes(4).toString('hex')}`;
    const input = { claim: { amount: 4711, holder: 'Zoë Ångström', notes: '日本語 🙂' } };
    const recorded = ok(
      await t.gql(f.service.key, RECORD, {
        i: decisionInput(f, {
          input,
          correlationId,
          context: { region: 'EU' },
          explanation: [{ ruleFired: { ruleId: 'r1', outcome: 'matched' } }],
        }),
      }),
    ).recordDecision.decision;
    const corrected = { route: 'manual', reason: 'Größe' };
    ok(await t.gql(officer.key, REVIEW, { id: recorded.id, v: 'OVERRIDE', r: 'amount over the limit', c: corrected }));
    await sealAll(t);

    // The decision: each field's opening checks against the leaf, and discloses what was recorded.
    const decision = await sealedFact(caller, recorded.id);
    const openings = await openingsOf(tenantId, 'decision', recorded.id);
    expectOpened('decision', decision.fact, openings);
    expect(openingValue(openings!.input!)).toEqual(recorded.input);
    expect(openingValue(openings!.output!)).toEqual(recorded.output);
    expect(openingValue(openings!.context!)).toEqual(recorded.context);
    expect(openingValue(openings!.correlationId!)).toBe(correlationId);
    expect(openingValue(openings!.explanation!)).toEqual([expect.objectContaining({ kind: expect.any(String) })]);
    // The salt is the tenant's fact key's HMAC of the field's name: pseudo-random, never stored.
    const key = ledgerFactKey(serverSecret(t.config), tenantId);
    expect(openings!.input!.salt).toBe(createHmac('sha256', key).update(`decision:${recorded.id}:input`).digest('hex'));
    // One field's opening opens that field only, and no other fact's field.
    expect(verifyOpening(decision.fact.output, openings!.input!)).toBe(false);
    expect(verifyOpening(decision.fact.output, { salt: openings!.input!.salt, text: openings!.output!.text })).toBe(false);

    // The review, found through the ledger as an auditor would.
    const [review] = (await entries(caller, { kind: 'decision_review' })).filter((e) => e.fact.decisionId === recorded.id);
    expect(review.currentFact).toEqual(review.fact);
    const reviewOpenings = await openingsOf(tenantId, 'decision_review', review.factId);
    expectOpened('decision_review', review.fact, reviewOpenings);
    expect(openingValue(reviewOpenings!.rationale!)).toBe('amount over the limit');
    expect(openingValue(reviewOpenings!.correctedOutput!)).toEqual(corrected);

    // The audit events of the decision (recorded, reviewed): what changed, opened the same way.
    const audits = (await entries(caller, { kind: 'audit_event' })).filter((e) => e.fact.subjectId === recorded.id);
    expect(audits.map((e) => e.fact.action)).toEqual(expect.arrayContaining(['decision.recorded', 'decision.reviewed']));
    for (const audit of audits) expectOpened('audit_event', audit.fact, await openingsOf(tenantId, 'audit_event', audit.factId));

    // Another tenant's transaction sees none of them (row-level security), and a batch answers each id.
    const other = await tenant();
    expect(await openingsOf(other.tenantId, 'decision', recorded.id)).toBeNull();
    const each = await t.app
      .get(TenantDb)
      .transaction(tenantId, (m) =>
        t.app.get(LedgerOpenings).openingsOfEach(m, 'audit_event', [...audits.map((a) => a.factId), 'not-a-uuid']),
      );
    expect([...each.keys()]).toEqual([...audits.map((a) => a.factId), 'not-a-uuid']);
    expect(each.get('not-a-uuid')).toBeNull();
    for (const audit of audits) expect(unopenedFields(audit.fact, each.get(audit.factId)!)).toEqual([]);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger).toEqual({ ok: true, firstDivergence: null });
  });

  it('catches an edit of a format-3 row, whose openings then no longer open its leaf', async () => {
    const { tenantId, caller } = await tenant();
    const f = await automationFixture(caller);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id);
    await sealAll(t);
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.ok).toBe(true);

    const edited = await sealedFact(caller, ids[1]);
    await withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET session_replication_role = replica');
      await c.query(`UPDATE decisions SET output = '{"route": "denied"}' WHERE id = $1`, [ids[1]]);
    });
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger.firstDivergence).toEqual({
      index: edited.index,
      kind: 'FACT_CHANGED',
      factKind: 'decision',
      factId: ids[1],
    });
    // The openings are of the row as it is now: the edited output does not open the sealed commitment.
    const openings = await openingsOf(tenantId, 'decision', ids[1]);
    expect(openingValue(openings!.output!)).toEqual({ route: 'denied' });
    expect(unopenedFields(edited.fact, openings!)).toEqual(['output']);
  });

  it('has no openings for facts written before format 3, whose keyed and plain facts keep verifying', async () => {
    const { tenantId, caller } = await tenant();
    const f = await automationFixture(caller);
    const template = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    // A decision and an audit event as format 2 wrote them (keyed), and a decision as format 1 did (plain).
    const copy = (c: Client, idempotencyKey: string, format: number) =>
      c.query(
        `INSERT INTO decisions SELECT (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'idempotency_key', $2::text, 'ledger_format', $3::int))).*
         FROM decisions d WHERE id = $1 RETURNING id`,
        [template, idempotencyKey, format],
      );
    const keyedKey = `keyed-${randomBytes(4).toString('hex')}`;
    const { keyed, plain, event } = await withFactKey(t, tenantId, async (c) => {
      const keyedId = (await copy(c, keyedKey, 2)).rows[0].id as string;
      const plainId = (await copy(c, `plain-${randomBytes(4).toString('hex')}`, 1)).rows[0].id as string;
      const { rows } = await c.query(
        `INSERT INTO audit_events (tenant_id, action, subject_type, subject_id, after, correlation_id, ledger_format)
         VALUES ($1, 'legacy.event', 'Decision', $2, '{"note": "keyed"}', 'legacy-corr', 2) RETURNING id`,
        [tenantId, keyedId],
      );
      return { keyed: keyedId, plain: plainId, event: rows[0].id as string };
    });
    await sealAll(t);

    const keyedFact = (await sealedFact(caller, keyed)).fact;
    const key = ledgerFactKey(serverSecret(t.config), tenantId);
    expect(keyedFact).toMatchObject({
      format: 2,
      idempotencyKey: `hmac-sha256:${createHmac('sha256', key).update(JSON.stringify(keyedKey)).digest('hex')}`,
    });
    expect(isOpenable(keyedFact.input)).toBe(false);
    expect((await sealedFact(caller, event)).fact).toMatchObject({ format: 2, after: expect.stringMatching(/^hmac-sha256:/) });
    expect((await sealedFact(caller, plain)).fact).toMatchObject({ input: expect.stringMatching(/^sha256:/) });

    expect(await openingsOf(tenantId, 'decision', keyed)).toBeNull();
    expect(await openingsOf(tenantId, 'decision', plain)).toBeNull();
    expect(await openingsOf(tenantId, 'audit_event', event)).toBeNull();
    expect(await openingsOf(tenantId, 'decision', template)).not.toBeNull();
    // No such fact, or no such kind of fact for it, has none either.
    expect(await openingsOf(tenantId, 'decision_review', template)).toBeNull();
    expect(await openingsOf(tenantId, 'decision', '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(ok(await caller.gql(caller.adminKey, VERIFY)).verifyLedger).toEqual({ ok: true, firstDivergence: null });
  });

  it('needs the fact key: openings are never computed without it', async () => {
    const { tenantId, caller } = await tenant();
    const f = await automationFixture(caller);
    const id = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    await expect(withClient(t.databaseUrl, (c) => c.query(`SELECT attest_ledger_openings('decision', $1)`, [id]))).rejects.toThrow(
      /attest\.ledger_fact_key is not set/,
    );
    expect(await openingsOf(tenantId, 'decision', id)).not.toBeNull();
    // Granted to the application's role, not to every role of the cluster.
    const { rows } = await withClient(t.databaseUrl, (c) =>
      c.query(`SELECT has_function_privilege('attest_app', 'attest_ledger_openings(text, uuid)', 'EXECUTE') AS app,
        coalesce((SELECT bool_or(a.grantee = 0) FROM pg_proc p, aclexplode(p.proacl) a WHERE p.oid = 'attest_ledger_openings(text, uuid)'::regprocedure), true) AS public`),
    );
    expect(rows[0]).toEqual({ app: true, public: false });
  });
});

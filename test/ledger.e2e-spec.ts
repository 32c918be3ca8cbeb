import { createPublicKey } from 'node:crypto';
import request from 'supertest';
import { leafBytes, verifyBundle, verifyConsistency, verifyInclusion, leafHash } from '@attest/ledger';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { CHECKPOINT_FIELDS, sealAll, whileSequencingLocked } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

describe('the verifiable ledger through GraphQL', () => {
  let t: TestApp;
  let publicKeyPem: string;

  beforeAll(async () => {
    t = await startTestApp();
    publicKeyPem = (await request(t.app.getHttpServer()).get('/.well-known/attest/ledger-key')).body.publicKeyPem;
  });
  afterAll(() => t?.close());

  const entries = async (key: string, filter: Record<string, unknown>) =>
    ok(
      await t.gql(
        key,
        'query($f: LedgerEntryFilter) { ledgerEntries(filter: $f, first: 100) { edges { node { index kind factId fact currentFact leaf leafHash writtenAt sealedAt } } } }',
        { f: filter },
      ),
    ).ledgerEntries.edges.map((e: { node: Record<string, any> }) => e.node);

  it("writes a leaf with every audited fact, seals them in order, and answers with the decision's index and seal", async () => {
    const f = await automationFixture(t);
    // Written with the fact, not yet sealed (no sequencer may seal it before it is looked at).
    const { decisionId, pending } = await whileSequencingLocked(t.databaseUrl, 'default', async () => {
      const recorded = ok(
        await t.gql(f.service.key, RECORD, { i: decisionInput(f, { explanation: [{ ruleFired: { ruleId: 'r1', outcome: 'matched' } }] }) }),
      );
      const id = recorded.recordDecision.decision.id as string;
      return { decisionId: id, pending: (await entries(t.adminKey, { factId: id }))[0] };
    });
    expect(pending).toMatchObject({ index: null, kind: 'decision', factId: decisionId, leaf: null, sealedAt: null });
    // Personal data only by digest; the rest as stored.
    expect(pending.fact).toMatchObject({
      kind: 'decision',
      id: decisionId,
      status: 'recorded',
      input: expect.stringMatching(/^sha256-salted:[0-9a-f]{64}$/),
      output: expect.stringMatching(/^sha256-salted:/),
      explanation: expect.stringMatching(/^sha256-salted:/),
      confidence: 0.93,
    });
    expect(JSON.stringify(pending.fact)).not.toContain('fast-track');

    await sealAll(t);
    const status = ok(
      await t.gql(
        t.adminKey,
        `{ ledgerStatus { origin treeSize unsequenced oldestUnsequencedAt latestCheckpoint { ${CHECKPOINT_FIELDS} } } }`,
      ),
    ).ledgerStatus;
    expect(status).toMatchObject({ unsequenced: 0, oldestUnsequencedAt: null });
    expect(status.latestCheckpoint.treeSize).toBe(status.treeSize);
    const kinds = (await entries(t.adminKey, { sealed: true })).map((e: { kind: string }) => e.kind);
    // The registrations' audit events and the registered versions… and the decision with its audit event.
    expect(new Set(kinds)).toEqual(new Set(['audit_event', 'model_version', 'automation_version', 'decision']));
    expect(kinds.length).toBe(status.treeSize);

    const [sealed] = await entries(t.adminKey, { factId: decisionId });
    // The leaf's bytes: its index, then the fact exactly as written; its hash covers both.
    expect(sealed.leaf.startsWith(`{"index":${sealed.index},"fact":{`)).toBe(true);
    expect(JSON.parse(sealed.leaf)).toEqual({ index: sealed.index, fact: sealed.fact });
    expect(sealed.currentFact).toEqual(sealed.fact);
    expect(leafBytes(sealed.index, sealedFactText(sealed.leaf)).toString()).toBe(sealed.leaf);
    expect(leafHash(Buffer.from(sealed.leaf)).toString('base64')).toBe(sealed.leafHash);
    const decision = ok(
      await t.gql(t.adminKey, 'query($id: ID!) { decision(id: $id) { ledgerIndex sealedAt } }', { id: decisionId }),
    ).decision;
    expect(decision).toEqual({ ledgerIndex: sealed.index, sealedAt: sealed.sealedAt });
  });

  it('proves inclusion and consistency, online and offline, against signed checkpoints', async () => {
    const f = await automationFixture(t);
    const first = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    await sealAll(t);
    const older = ok(await t.gql(t.adminKey, `{ ledgerCheckpoint { ${CHECKPOINT_FIELDS} } }`)).ledgerCheckpoint;
    for (let i = 0; i < 3; i++) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    await sealAll(t);

    const proof = ok(
      await t.gql(
        t.adminKey,
        `query($id: String!) { ledgerInclusionProof(factId: $id) { leafIndex treeSize hashes leaf leafHash checkpoint { ${CHECKPOINT_FIELDS} } } }`,
        { id: first },
      ),
    ).ledgerInclusionProof;
    expect(proof.treeSize).toBeGreaterThan(older.treeSize);
    expect(leafHash(Buffer.from(proof.leaf)).toString('base64')).toBe(proof.leafHash);
    expect(
      verifyInclusion(
        leafHash(Buffer.from(proof.leaf)),
        proof.leafIndex,
        proof.treeSize,
        proof.hashes.map(b64),
        b64(proof.checkpoint.rootHash),
      ),
    ).toBe(true);
    const key = createPublicKey(publicKeyPem);
    const offline = verifyBundle({
      checkpoint: { note: proof.checkpoint.note },
      publicKey: key,
      origin: proof.checkpoint.origin,
      proof: { type: 'inclusion', leafIndex: proof.leafIndex, treeSize: proof.treeSize, hashes: proof.hashes },
      leaf: Buffer.from(proof.leaf),
    });
    expect(offline).toMatchObject({ ok: true });

    const consistency = ok(
      await t.gql(
        t.adminKey,
        `query($from: SafeInt!) { ledgerConsistencyProof(fromSize: $from) { fromSize toSize hashes fromCheckpoint { note rootHash } toCheckpoint { note rootHash } } }`,
        { from: older.treeSize },
      ),
    ).ledgerConsistencyProof;
    expect(consistency.fromCheckpoint.note).toBe(older.note);
    expect(
      verifyConsistency(
        consistency.fromSize,
        consistency.toSize,
        b64(older.rootHash),
        b64(consistency.toCheckpoint.rootHash),
        consistency.hashes.map(b64),
      ),
    ).toBe(true);
    expect(
      verifyBundle({
        checkpoint: { note: consistency.toCheckpoint.note },
        fromCheckpoint: { note: older.note },
        publicKey: key,
        proof: { type: 'consistency', fromSize: consistency.fromSize, toSize: consistency.toSize, hashes: consistency.hashes },
      }),
    ).toMatchObject({ ok: true });

    const verified = ok(
      await t.gql(
        t.adminKey,
        'query($held: [String!]) { verifyLedger(checkpoints: $held) { ok fromIndex toIndex leavesChecked checkpointsChecked firstDivergence { index } } }',
        { held: [older.note] },
      ),
    ).verifyLedger;
    expect(verified).toMatchObject({
      ok: true,
      fromIndex: 0,
      toIndex: proof.treeSize - 1,
      leavesChecked: proof.treeSize,
      firstDivergence: null,
    });
    expect(verified.checkpointsChecked).toBeGreaterThanOrEqual(3);
    const window = ok(
      await t.gql(t.adminKey, 'query($from: SafeInt!) { verifyLedger(fromIndex: $from) { ok leavesChecked } }', {
        from: older.treeSize - 1,
      }),
    ).verifyLedger;
    expect(window).toEqual({ ok: true, leavesChecked: proof.treeSize - older.treeSize + 1 });
  });

  it('covers reviews, lifecycle transitions and approvals, and policy-pack activations', async () => {
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "ledger test") { digest } }'));
    const f = await automationFixture(t, { oversightMode: 'REQUIRED' });
    const officer = await principalWithRole(t, 'compliance_officer');
    const move =
      'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';
    ok(await t.gql(t.adminKey, move, { id: f.modelVersionId, to: 'IN_REVIEW', r: 'ready' }));
    ok(await t.gql(officer.key, move, { id: f.modelVersionId, to: 'APPROVED', r: 'reviewed' }));
    const id = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id;
    ok(await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "checked") { id } }', { id }));
    await sealAll(t);
    for (const kind of ['policy_pack_activation', 'lifecycle_transition', 'lifecycle_approval', 'decision_review']) {
      const found = await entries(officer.key, { kind });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((e: { index: number | null }) => e.index !== null)).toBe(true);
    }
    const [review] = await entries(officer.key, { kind: 'decision_review' });
    expect(review.fact).toMatchObject({
      kind: 'decision_review',
      decisionId: id,
      verdict: 'approve',
      rationale: expect.stringMatching(/^sha256-salted:/),
    });
    const [transition] = await entries(officer.key, { kind: 'lifecycle_transition' });
    expect(transition.fact).toMatchObject({
      subjectType: 'ModelVersion',
      subjectId: f.modelVersionId,
      from: 'draft',
      to: 'in_review',
      rationale: 'ready',
    });
  });

  it('is read by compliance officers, auditors and admins only, and refuses bad arguments with a code', async () => {
    const f = await automationFixture(t);
    const auditor = await principalWithRole(t, 'auditor');
    expect(ok(await t.gql(auditor.key, '{ ledgerStatus { treeSize } }')).ledgerStatus.treeSize).toBeGreaterThan(0);
    expect(errorCode(await t.gql(f.service.key, '{ ledgerStatus { treeSize } }'))).toBe('FORBIDDEN');
    const owner = await principalWithRole(t, 'model_owner');
    expect(errorCode(await t.gql(owner.key, '{ ledgerCheckpoint { treeSize } }'))).toBe('FORBIDDEN');

    expect(errorCode(await t.gql(t.adminKey, '{ ledgerInclusionProof(leafIndex: 0, factId: "x") { leafIndex } }'))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerInclusionProof(leafIndex: -1) { leafIndex } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerInclusionProof(factId: "no-such-fact") { leafIndex } }'))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerCheckpoint(treeSize: 999999) { treeSize } }'))).toBe('NOT_FOUND');
    // Sizes and indexes are SafeInt: beyond 32 bits, not beyond 2^53, never fractions.
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerCheckpoint(treeSize: 4294967296) { treeSize } }'))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerCheckpoint(treeSize: 1.5) { treeSize } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, 'query($s: SafeInt) { ledgerCheckpoint(treeSize: $s) { treeSize } }', { s: 2 ** 53 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerConsistencyProof(fromSize: 999999) { toSize } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, '{ verifyLedger(toIndex: 999999) { ok } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, '{ verifyLedger(checkpoints: ["not a note"]) { ok } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerEntries(filter: { kind: "nonsense" }) { edges { cursor } } }'))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await t.gql(t.adminKey, '{ ledgerEntries(after: "bm9wZQ") { edges { cursor } } }'))).toBe('VALIDATION_FAILED');
  });

  it('keeps each tenant in its own log: another tenant sees none of it and its checkpoints name it', async () => {
    const other = await createTenant(t, `ledger-${Date.now()}`);
    await t.gql(other.adminKey, 'mutation { registerModel(input: { name: "theirs" }) { id } }');
    await sealAll(t);
    const mine = ok(await t.gql(t.adminKey, '{ ledgerCheckpoint { origin treeSize } }')).ledgerCheckpoint;
    const theirs = ok(await t.gql(other.adminKey, '{ ledgerCheckpoint { origin treeSize } }')).ledgerCheckpoint;
    expect(theirs.origin).toBe(`attest.local/${other.tenantId}`);
    expect(mine.origin).not.toBe(theirs.origin);
    const theirEntries = await entries(other.adminKey, {});
    expect(theirEntries.every((e: { fact: { tenantId: string } }) => e.fact.tenantId === other.tenantId)).toBe(true);
  });

  it('lets the application role neither change nor delete the ledger, and the database refuses any role but the maintenance path', async () => {
    await withClient(t.databaseUrl, async (owner) => {
      await owner.query('SET ROLE attest_app');
      await expect(owner.query("UPDATE ledger_leaves SET fact = '{}'")).rejects.toThrow(/permission denied/);
      await expect(owner.query('DELETE FROM ledger_nodes')).rejects.toThrow(/permission denied/);
      await expect(owner.query('UPDATE ledger_checkpoints SET note = note')).rejects.toThrow(/permission denied/);
      await owner.query('RESET ROLE');
      // Even the owner (a superuser here), unless it takes the documented maintenance path.
      await expect(owner.query("UPDATE ledger_leaves SET fact = '{}' WHERE position = 0")).rejects.toThrow(/sealed once and never changed/);
      await expect(owner.query('DELETE FROM ledger_leaves WHERE position = 0')).rejects.toThrow(/append-only/);
      await expect(owner.query('TRUNCATE ledger_checkpoints')).rejects.toThrow(/append-only/);
      await expect(owner.query('UPDATE ledger_leaves SET position = NULL, sealed_at = NULL WHERE position = 0')).rejects.toThrow(
        /sealed once/,
      );
      await owner.query('BEGIN');
      await owner.query("SET LOCAL attest.ledger_maintenance = 'on'");
      const deleted = await owner.query('DELETE FROM ledger_nodes WHERE level = 0 AND index = 0');
      expect(deleted.rowCount).toBeGreaterThan(0);
      await owner.query('ROLLBACK');
    });
  });
});

const b64 = (s: string) => Buffer.from(s, 'base64');

/** The fact text inside a leaf's bytes, `{"index":N,"fact":<fact>}`. */
function sealedFactText(leaf: string): string {
  return leaf.slice(leaf.indexOf(',"fact":') + ',"fact":'.length, -1);
}

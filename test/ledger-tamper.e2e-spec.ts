import { createPublicKey, type KeyObject } from 'node:crypto';
import request from 'supertest';
import type { Client } from 'pg';
import { openCheckpoint, verifyBundleDir } from '@attest/ledger';
import { exportBundle } from '../apps/cli/src/ledger/export-bundle';
import type { GraphQLTransport } from '../apps/cli/src/ledger/graphql-client';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { CHECKPOINT_FIELDS, sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, ok, startTestApp, type GraphQLCaller, type TestApp } from './support/test-app';

/**
 * The tamper suite: each case gets its own tenant (its own log) with sealed history, then edits
 * the database as a superuser would — triggers off (`session_replication_role = replica`), RLS
 * bypassed — and expects verifyLedger to name the first bad index, and an auditor who kept a
 * checkpoint to detect it offline (`attest ledger export`, then `verify --bundle`: nothing but the
 * bundle and the log's public key) at the same index.
 */
describe('tampering with the ledger is detected, online and offline', () => {
  let t: TestApp;
  let key: KeyObject;

  beforeAll(async () => {
    t = await startTestApp();
    key = createPublicKey((await request(t.app.getHttpServer()).get('/.well-known/attest/ledger-key')).body.publicKeyPem);
  });
  afterAll(() => t?.close());

  interface Entry {
    index: number;
    kind: string;
    factId: string;
    fact: Record<string, any>;
    currentFact: Record<string, any> | null;
  }
  interface Log {
    tenantId: string;
    caller: GraphQLCaller;
    decisions: string[];
    held: { note: string; treeSize: number };
    size: number;
  }

  let seq = 0;
  /** A tenant with sealed history: decisions in two sealed rounds; the auditor keeps the latest checkpoint. */
  async function seededLog(decisions = 8): Promise<Log> {
    const tenant = await createTenant(t, `tamper-${Date.now()}-${seq++}`);
    const caller: GraphQLCaller = { adminKey: tenant.adminKey, gql: t.gql.bind(t) };
    const f = await automationFixture(caller);
    const ids: string[] = [];
    for (let i = 0; i < decisions; i++) {
      ids.push(
        ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { output: { route: i % 2 ? 'manual' : 'fast-track' } }) }))
          .recordDecision.decision.id,
      );
      if (i === decisions / 2) await sealAll(t);
    }
    await sealAll(t);
    const held = ok(await t.gql(tenant.adminKey, `{ ledgerCheckpoint { ${CHECKPOINT_FIELDS} } }`)).ledgerCheckpoint;
    const log = { tenantId: tenant.tenantId, caller, decisions: ids, held, size: held.treeSize };
    expect(await verify(log)).toMatchObject({ ok: true, leavesChecked: log.size });
    return log;
  }

  const entries = async (log: Log): Promise<Entry[]> => {
    const out: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(
        await t.gql(
          log.caller.adminKey,
          'query($a: String) { ledgerEntries(first: 100, after: $a, filter: { sealed: true }) { edges { node { index kind factId fact currentFact } } pageInfo { hasNextPage endCursor } } }',
          { a: after },
        ),
      ).ledgerEntries;
      out.push(...page.edges.map((e: { node: Entry }) => e.node));
      if (!page.pageInfo.hasNextPage) return out.sort((a, b) => a.index - b.index);
      after = page.pageInfo.endCursor;
    }
  };
  const indexOf = async (log: Log, factId: string) => (await entries(log)).find((e) => e.factId === factId)!.index;

  const verify = async (log: Log, held: string[] = []) =>
    ok(
      await t.gql(
        log.caller.adminKey,
        'query($h: [String!]) { verifyLedger(checkpoints: $h) { ok leavesChecked checkpointsChecked firstDivergence { index kind factKind factId expected found message } } }',
        { h: held },
      ),
    ).verifyLedger;

  /**
   * What an auditor holding `log.held` does offline: export the whole log as it is now (the CLI's
   * export, over the API) with the held checkpoint, and verify the bundle with the log's key only.
   */
  async function offlineFirstFailure(log: Log): Promise<{ index?: number; reason: string } | null> {
    const transport: GraphQLTransport = {
      async request(query, variables) {
        const r = await t.gql(log.caller.adminKey, query, variables);
        return { data: r.data as never, errors: r.errors ?? [] };
      },
    };
    const latest = ok(await t.gql(log.caller.adminKey, '{ ledgerCheckpoint { treeSize } }')).ledgerCheckpoint;
    const held = { file: { note: log.held.note }, treeSize: log.held.treeSize };
    const bundle = await exportBundle(transport, { from: 0, to: latest.treeSize - 1, held });
    const outcome = verifyBundleDir(bundle, { publicKey: key, origin: `attest.local/${log.tenantId}`, held: held.file });
    return outcome.ok ? null : outcome;
  }

  /** SQL as a superuser who turned the triggers off: what the ledger must survive. */
  const asSuperuser = (sql: string, params: unknown[] = []) =>
    withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET session_replication_role = replica');
      return c.query(sql, params);
    });

  it("edits a decision's output", async () => {
    const log = await seededLog();
    const target = log.decisions[2];
    const index = await indexOf(log, target);
    await asSuperuser(`UPDATE decisions SET output = '{"route": "denied"}' WHERE id = $1`, [target]);
    expect((await verify(log)).firstDivergence).toMatchObject({ index, kind: 'FACT_CHANGED', factKind: 'decision', factId: target });
    expect(await offlineFirstFailure(log)).toMatchObject({ index });
  });

  it('edits a leaf', async () => {
    const log = await seededLog();
    const index = await indexOf(log, log.decisions[3]);
    const edited = await asSuperuser(
      `UPDATE ledger_leaves SET fact = replace(fact, '"status": "recorded"', '"status": "blocked"') WHERE tenant_id = $1 AND position = $2`,
      [log.tenantId, index],
    );
    expect(edited.rowCount).toBe(1);
    expect((await verify(log)).firstDivergence).toMatchObject({ index, kind: 'LEAF_CHANGED' });
    expect(await offlineFirstFailure(log)).toMatchObject({ index });
  });

  it('deletes a leaf, or the fact behind one', async () => {
    const log = await seededLog();
    const index = await indexOf(log, log.decisions[1]);
    await asSuperuser('DELETE FROM ledger_leaves WHERE tenant_id = $1 AND position = $2', [log.tenantId, index]);
    expect((await verify(log)).firstDivergence).toMatchObject({ index, kind: 'LEAF_MISSING' });
    expect(await offlineFirstFailure(log)).toMatchObject({ index });

    const other = await seededLog();
    const event = (await entries(other)).find((e) => e.kind === 'audit_event' && e.fact.action.startsWith('decision.'))!;
    await asSuperuser('DELETE FROM audit_events WHERE id = $1', [event.factId]);
    expect((await verify(other)).firstDivergence).toMatchObject({ index: event.index, kind: 'FACT_MISSING', factId: event.factId });
    expect(await offlineFirstFailure(other)).toMatchObject({ index: event.index });
  });

  it('swaps two leaves', async () => {
    const log = await seededLog();
    const [a, b] = [await indexOf(log, log.decisions[5]), await indexOf(log, log.decisions[1])];
    await asSuperuser(`UPDATE ledger_leaves SET position = 999999 WHERE tenant_id = $1 AND position = $2`, [log.tenantId, a]);
    await asSuperuser(`UPDATE ledger_leaves SET position = $2 WHERE tenant_id = $1 AND position = $3`, [log.tenantId, a, b]);
    await asSuperuser(`UPDATE ledger_leaves SET position = $2 WHERE tenant_id = $1 AND position = 999999`, [log.tenantId, b]);
    expect((await verify(log)).firstDivergence).toMatchObject({ index: Math.min(a, b), kind: 'LEAF_CHANGED' });
    expect(await offlineFirstFailure(log)).toMatchObject({ index: Math.min(a, b) });
  });

  it('truncates the tail, leaves, nodes and checkpoints alike: the log agrees with itself, not with the checkpoint the auditor kept', async () => {
    const log = await seededLog();
    // Cut back to an earlier checkpoint, so that what is left is a log that was always that short.
    const sizes = (
      await asSuperuser('SELECT tree_size FROM ledger_checkpoints WHERE tenant_id = $1 ORDER BY tree_size', [log.tenantId])
    ).rows.map((r) => Number(r.tree_size));
    const cut = sizes[sizes.length - 2];
    expect(cut).toBeLessThan(log.size);
    await asSuperuser('DELETE FROM ledger_leaves WHERE tenant_id = $1 AND position >= $2', [log.tenantId, cut]);
    await asSuperuser('DELETE FROM ledger_nodes WHERE tenant_id = $1 AND (index + 1) * (2 ^ level)::bigint > $2', [log.tenantId, cut]);
    await asSuperuser('DELETE FROM ledger_checkpoints WHERE tenant_id = $1 AND tree_size > $2', [log.tenantId, cut]);
    // Nothing left in the database contradicts itself…
    expect(await verify(log)).toMatchObject({ ok: true, leavesChecked: cut, firstDivergence: null });
    // …but the checkpoint the auditor holds does.
    expect((await verify(log, [log.held.note])).firstDivergence).toMatchObject({ index: cut, kind: 'LEAF_MISSING' });
    expect(await offlineFirstFailure(log)).toMatchObject({ index: cut });
  });

  it('inserts a forged leaf in the middle, or a forged sealed leaf at the end', async () => {
    const log = await seededLog();
    const at = await indexOf(log, log.decisions[4]);
    await asSuperuser(`
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT id FROM ledger_leaves WHERE tenant_id = '${log.tenantId}' AND position >= ${at} ORDER BY position DESC LOOP
          UPDATE ledger_leaves SET position = position + 1 WHERE id = r.id;
        END LOOP;
      END $$`);
    const forged = '{"id": "00000000-0000-4000-8000-000000000000", "kind": "decision", "status": "recorded"}';
    await asSuperuser(
      `INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact, position, sealed_at) VALUES ($1, 'decision', '00000000-0000-4000-8000-000000000000', $2, $3, now())`,
      [log.tenantId, forged, at],
    );
    expect((await verify(log)).firstDivergence).toMatchObject({ index: at, kind: 'LEAF_CHANGED' });
    expect(await offlineFirstFailure(log)).toMatchObject({ index: at });

    const other = await seededLog();
    await asSuperuser(
      `INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact, position, sealed_at) VALUES ($1, 'decision', '00000000-0000-4000-8000-000000000000', $2, $3, now())`,
      [other.tenantId, forged, other.size],
    );
    expect((await verify(other)).firstDivergence).toMatchObject({ index: other.size, kind: 'LEAF_NOT_IN_CHECKPOINT' });
  });

  it("replays another tenant's checkpoint", async () => {
    const log = await seededLog();
    const small = await createTenant(t, `tamper-small-${Date.now()}`);
    await t.gql(small.adminKey, 'mutation { registerModel(input: { name: "theirs" }) { id } }');
    await sealAll(t);
    const theirs = ok(await t.gql(small.adminKey, `{ ledgerCheckpoint { ${CHECKPOINT_FIELDS} } }`)).ledgerCheckpoint;
    expect(theirs.treeSize).toBeLessThan(log.size);
    await asSuperuser('DELETE FROM ledger_checkpoints WHERE tenant_id = $1 AND tree_size = $2', [log.tenantId, theirs.treeSize]);
    await asSuperuser('INSERT INTO ledger_checkpoints (tenant_id, tree_size, root_hash, signed_at, note) VALUES ($1, $2, $3, $4, $5)', [
      log.tenantId,
      theirs.treeSize,
      Buffer.from(theirs.rootHash, 'base64'),
      theirs.timestamp,
      theirs.note,
    ]);
    expect((await verify(log)).firstDivergence).toMatchObject({
      index: theirs.treeSize - 1,
      kind: 'CHECKPOINT_SIGNATURE',
      message: expect.stringContaining('is of the log'),
    });
    // Offline: well signed, but of another log.
    expect(openCheckpoint(theirs.note, { publicKey: key, origin: `attest.local/${log.tenantId}` })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is of the log'),
    });
  });

  it("rewrites a decision, its leaf and the leaf's stored hash together: only the signed heads catch it, and they do", async () => {
    const log = await seededLog();
    const index = await indexOf(log, log.decisions[6]);
    await asSuperuser(`UPDATE decisions SET status = 'blocked' WHERE id = $1`, [log.decisions[6]]);
    await asSuperuser(
      `UPDATE ledger_leaves SET fact = replace(fact, '"status": "recorded"', '"status": "blocked"') WHERE tenant_id = $1 AND position = $2`,
      [log.tenantId, index],
    );
    await asSuperuser(
      `
      UPDATE ledger_nodes n SET hash = sha256('\\x00'::bytea || convert_to('{"index":' || l.position || ',"fact":' || l.fact || '}', 'UTF8'))
        FROM ledger_leaves l WHERE n.tenant_id = $1 AND l.tenant_id = $1 AND n.level = 0 AND n.index = $2 AND l.position = $2`,
      [log.tenantId, index],
    );
    const divergence = (await verify(log)).firstDivergence;
    expect(divergence).toMatchObject({ kind: 'CHECKPOINT_MISMATCH' });
    expect(divergence.index).toBeLessThanOrEqual(index);
    // Offline, the first proof to fail is the first that passes through the rewritten hash: the leaf's, or its sibling's.
    expect(await offlineFirstFailure(log)).toMatchObject({ index: Math.min(index, index ^ 1) });
  });
});

import { createPublicKey, randomBytes } from 'node:crypto';
import { verifyBundle } from '@attest/ledger';
import { httpCaller, type AttestProcess } from './support/attest-process';
import { processHarness } from './support/process-harness';
import { automationFixture, decisionInput } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { ok, type GraphQLCaller } from './support/test-app';
import { until } from './support/until';

const DECISIONS = 3_000; // 6,000 leaves with their audit events, sealed 300 at a time

interface LeafCounts {
  leaves: number;
  sealed: number;
  distinct: number;
  maxPosition: number;
  checkpointed: number;
  levelZeroNodes: number;
}

/**
 * Crash safety of the sequencer: a backlog of leaves is sealed in many small batches, the process
 * sealing them is killed with SIGKILL while a batch is in flight, and started again. No leaf is
 * lost or sealed twice, positions stay consecutive, and the checkpoints signed before the crash
 * are consistent with those after it (consistency proofs verify across the restart).
 */
describe('a sequencer killed mid-batch loses no leaf and seals none twice', () => {
  const harness = processHarness();
  const { adminKey, start } = harness;
  const baseEnv = () => ({ ...harness.baseEnv(), ATTEST_LEDGER_BATCH: '300', ATTEST_LEDGER_SEQUENCE_EVERY_MS: '50' });

  /** Records the backlog through an API that only enqueues (Redis mode, no worker yet): nothing seals it. */
  async function backlog(api: GraphQLCaller): Promise<void> {
    const f = await automationFixture(api);
    for (let i = 0; i < DECISIONS; i += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => decisionInput(f, { idempotencyKey: `crash-${i + k}` }));
      ok(await api.gql(f.service.key, 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded } } }', { i: { decisions: items } }));
    }
  }

  const counts = () =>
    withClient(harness.databaseUrl, async (c): Promise<LeafCounts> => {
      const { rows } = await c.query(`
        SELECT count(*)::int AS leaves, count(position)::int AS sealed, count(DISTINCT position)::int AS distinct,
               coalesce(max(position), -1)::int AS "maxPosition",
               (SELECT coalesce(max(tree_size), 0)::int FROM ledger_checkpoints) AS checkpointed,
               (SELECT count(*)::int FROM ledger_nodes WHERE level = 0) AS "levelZeroNodes"
          FROM ledger_leaves`);
      return rows[0];
    });

  const checkpointNotes = () =>
    withClient(harness.databaseUrl, async (c) => (await c.query('SELECT tree_size, note FROM ledger_checkpoints ORDER BY tree_size')).rows.map((r) => ({ size: Number(r.tree_size), note: r.note as string })));

  /** Everything sealed is whole: as many positions as leaves sealed, consecutive, all in the last checkpoint, each with its hash. */
  function expectWhole(c: LeafCounts): void {
    expect(c.distinct).toBe(c.sealed);
    expect(c.maxPosition).toBe(c.sealed - 1);
    expect(c.checkpointed).toBe(c.sealed);
    expect(c.levelZeroNodes).toBe(c.sealed);
  }

  async function crashMidway(victim: AttestProcess): Promise<LeafCounts> {
    await until(async () => ((await counts()).checkpointed >= 900 && (await harness.transactionInFlight()) ? true : undefined), 'three batches sealed, the next under way', 60_000);
    await victim.stop('SIGKILL');
    const atCrash = await counts();
    expect(atCrash.sealed).toBeLessThan(atCrash.leaves);
    expectWhole(atCrash);
    return atCrash;
  }

  async function expectSealedOnceAndConsistent(api: GraphQLCaller, before: { size: number; note: string }[]): Promise<void> {
    const total = (await counts()).leaves;
    await until(async () => ((await counts()).sealed === total ? true : undefined), 'every leaf sealed after the restart', 90_000);
    const after = await counts();
    expectWhole(after);
    expect(after.leaves).toBe(total);
    // The checkpoints signed before the crash are prefixes of the tree after it: online…
    const held = before.slice(-3).map((c) => c.note);
    const verified = ok(await api.gql(adminKey, 'query($h: [String!]) { verifyLedger(checkpoints: $h) { ok leavesChecked firstDivergence { index kind message } } }', { h: held })).verifyLedger;
    expect(verified).toEqual({ ok: true, leavesChecked: total, firstDivergence: null });
    // …and offline, by a consistency proof from the last checkpoint signed before the crash.
    const key = createPublicKey(keyPem);
    const last = before[before.length - 1];
    const proof = ok(await api.gql(adminKey, 'query($f: SafeInt!) { ledgerConsistencyProof(fromSize: $f) { fromSize toSize hashes toCheckpoint { note } } }', { f: last.size })).ledgerConsistencyProof;
    expect(proof.toSize).toBe(total);
    expect(verifyBundle({
      checkpoint: { note: proof.toCheckpoint.note }, fromCheckpoint: { note: last.note }, publicKey: key,
      proof: { type: 'consistency', fromSize: proof.fromSize, toSize: proof.toSize, hashes: proof.hashes },
    })).toMatchObject({ ok: true });
  }

  /** The log's public key, as served by the first API started. */
  let keyPem = '';

  if (process.env.REDIS_URL) {
    it('with Redis: the worker sealing is killed; the next worker carries on from the last checkpoint', async () => {
      const env = { ...baseEnv(), REDIS_URL: process.env.REDIS_URL!, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` };
      const api = await start('api', env);
      keyPem = await ledgerKeyOf(api);
      const caller = httpCaller(api.port!, adminKey);
      await backlog(caller);
      const worker = await start('worker', env);
      await crashMidway(worker);
      const before = await checkpointNotes();
      await start('worker', env);
      await expectSealedOnceAndConsistent(caller, before);
    });
  }

  it('in-process: the API sealing its own leaves is killed; on restart it carries on', async () => {
    // The backlog is recorded by an API that seals nothing (it only enqueues, for workers that are not there).
    const redisFree = baseEnv();
    if (process.env.REDIS_URL) {
      const enqueuer = await start('api', { ...redisFree, REDIS_URL: process.env.REDIS_URL, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
      await backlog(httpCaller(enqueuer.port!, adminKey));
      await enqueuer.stop('SIGTERM');
    } else {
      // Without Redis every API seals: a slow sequencer still leaves a backlog to crash in.
      const slow = await start('api', { ...redisFree, ATTEST_LEDGER_SEQUENCE_EVERY_MS: '1000' });
      await backlog(httpCaller(slow.port!, adminKey));
      await slow.stop('SIGKILL');
    }
    const first = await start('api', redisFree);
    keyPem = await ledgerKeyOf(first);
    await crashMidway(first);
    const before = await checkpointNotes();
    const second = await start('api', redisFree);
    await expectSealedOnceAndConsistent(httpCaller(second.port!, adminKey), before);
  });
});

async function ledgerKeyOf(api: AttestProcess): Promise<string> {
  const served = (await (await fetch(`http://127.0.0.1:${api.port}/.well-known/attest/ledger-key`)).json()) as { publicKeyPem: string };
  return served.publicKeyPem;
}

import { createPublicKey, randomBytes } from 'node:crypto';
import { verifyBundle } from '@attest/ledger';
import { httpCaller, type AttestProcess } from './support/attest-process';
import { processHarness } from './support/process-harness';
import { automationFixture, decisionInput } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { ok, type GraphQLCaller } from './support/test-app';
import { until } from './support/until';
import { whileSequencingLocked as whileTenantLocked } from './support/ledger';

const DECISIONS = 3_000; // 6,000 leaves with their audit events, sealed 100 at a time
/** Limits on events awaited: generous, because the machine may be busy (2 shared cores); they only bound a hang. */
const SEALING_LIMIT_MS = 300_000;
const TEST_LIMIT_MS = 900_000;

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
  const baseEnv = () => ({ ...harness.baseEnv(), ATTEST_LEDGER_BATCH: '100', ATTEST_LEDGER_SEQUENCE_EVERY_MS: '50' });

  /** Records the backlog through an API that only enqueues (Redis mode, no worker yet): nothing seals it. */
  async function backlog(api: GraphQLCaller): Promise<void> {
    const f = await automationFixture(api);
    for (let i = 0; i < DECISIONS; i += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => decisionInput(f, { idempotencyKey: `crash-${i + k}` }));
      ok(
        await api.gql(f.service.key, 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded } } }', {
          i: { decisions: items },
        }),
      );
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
    withClient(harness.databaseUrl, async (c) =>
      (await c.query('SELECT tree_size, note FROM ledger_checkpoints ORDER BY tree_size')).rows.map((r) => ({
        size: Number(r.tree_size),
        note: r.note as string,
      })),
    );

  /** Everything sealed is whole: as many positions as leaves sealed, consecutive, all in the last checkpoint, each with its hash. */
  function expectWhole(c: LeafCounts): void {
    expect(c.distinct).toBe(c.sealed);
    expect(c.maxPosition).toBe(c.sealed - 1);
    expect(c.checkpointed).toBe(c.sealed);
    expect(c.levelZeroNodes).toBe(c.sealed);
  }

  async function crashMidway(victim: AttestProcess): Promise<LeafCounts> {
    await until(
      async () => {
        const now = await counts();
        if (now.sealed === now.leaves) throw new Error(`all ${now.leaves} leaves were sealed before a batch could be cut: raise DECISIONS`);
        return now.checkpointed >= 300 && (await harness.transactionInFlight());
      },
      'three batches sealed, the next under way',
      SEALING_LIMIT_MS,
    );
    await victim.stop('SIGKILL');
    const atCrash = await counts();
    expect(atCrash.sealed).toBeLessThan(atCrash.leaves);
    expectWhole(atCrash);
    return atCrash;
  }

  async function expectSealedOnceAndConsistent(api: GraphQLCaller, before: { size: number; note: string }[]): Promise<void> {
    const total = (await counts()).leaves;
    await until(
      async () => ((await counts()).sealed === total ? true : undefined),
      'every leaf sealed after the restart',
      SEALING_LIMIT_MS,
    );
    const after = await counts();
    expectWhole(after);
    expect(after.leaves).toBe(total);
    // The checkpoints signed before the crash are prefixes of the tree after it: online…
    const held = before.slice(-3).map((c) => c.note);
    const verified = ok(
      await api.gql(
        adminKey,
        'query($h: [String!]) { verifyLedger(checkpoints: $h) { ok leavesChecked firstDivergence { index kind message } } }',
        { h: held },
      ),
    ).verifyLedger;
    expect(verified).toEqual({ ok: true, leavesChecked: total, firstDivergence: null });
    // …and offline, by a consistency proof from the last checkpoint signed before the crash.
    const key = createPublicKey(keyPem);
    const last = before[before.length - 1];
    const proof = ok(
      await api.gql(
        adminKey,
        'query($f: SafeInt!) { ledgerConsistencyProof(fromSize: $f) { fromSize toSize hashes toCheckpoint { note } } }',
        { f: last.size },
      ),
    ).ledgerConsistencyProof;
    expect(proof.toSize).toBe(total);
    expect(
      verifyBundle({
        checkpoint: { note: proof.toCheckpoint.note },
        fromCheckpoint: { note: last.note },
        publicKey: key,
        proof: { type: 'consistency', fromSize: proof.fromSize, toSize: proof.toSize, hashes: proof.hashes },
      }),
    ).toMatchObject({ ok: true });
  }

  /** Runs `work` while no sequencer may seal the default tenant, and checks that none did. */
  async function whileSequencingLocked(work: () => Promise<void>): Promise<void> {
    await whileTenantLocked(harness.databaseUrl, 'default', async () => {
      const sealedBefore = (await counts()).sealed; // the start-up's own facts
      await work();
      expect((await counts()).sealed).toBe(sealedBefore);
    });
  }

  /** The log's public key, as served by the first API started. */
  let keyPem = '';

  if (process.env.REDIS_URL) {
    it(
      'with Redis: the worker sealing is killed; the next worker carries on from the last checkpoint',
      async () => {
        const env = {
          ...baseEnv(),
          REDIS_URL: process.env.REDIS_URL!,
          ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
        };
        const api = await start('api', env);
        keyPem = await ledgerKeyOf(api);
        const caller = httpCaller(api.port!, adminKey);
        await backlog(caller);
        const worker = await start('worker', env);
        await crashMidway(worker);
        const before = await checkpointNotes();
        await start('worker', env);
        await expectSealedOnceAndConsistent(caller, before);
      },
      TEST_LIMIT_MS,
    );
  }

  it(
    'in-process: the API sealing its own leaves is killed; on restart it carries on',
    async () => {
      const redisFree = baseEnv();
      const first = await start('api', redisFree);
      keyPem = await ledgerKeyOf(first);
      // The backlog is recorded while the tenant's sequencing lock is held elsewhere, as by another
      // sequencer: the API's own sequencer skips the tenant until the lock is let go.
      await whileSequencingLocked(() => backlog(httpCaller(first.port!, adminKey)));
      await crashMidway(first);
      const before = await checkpointNotes();
      const second = await start('api', redisFree);
      await expectSealedOnceAndConsistent(httpCaller(second.port!, adminKey), before);
    },
    TEST_LIMIT_MS,
  );
});

async function ledgerKeyOf(api: AttestProcess): Promise<string> {
  const served = (await (await fetch(`http://127.0.0.1:${api.port}/.well-known/attest/ledger-key`)).json()) as { publicKeyPem: string };
  return served.publicKeyPem;
}

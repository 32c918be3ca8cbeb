import { execSync } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { verifyBundle } from '@attest/ledger';
import { AttestProcess, httpCaller } from './support/attest-process';
import { automationFixture, decisionInput } from './support/decision-fixtures';
import { createTestDatabase, withClient } from './support/test-database';
import { ok, REPO_ROOT, type GraphQLCaller } from './support/test-app';
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
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const processes: AttestProcess[] = [];
  const hashKey = randomBytes(32).toString('hex');
  const adminKey = `test-admin-${randomBytes(24).toString('hex')}`;

  beforeAll(() => {
    execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'pipe' });
  });
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.stop('SIGKILL')));
    await database.drop();
  });

  const baseEnv = () => ({
    DATABASE_URL: database.url, ATTEST_HASH_KEY: hashKey, ATTEST_BOOTSTRAP_API_KEY: adminKey, ATTEST_JWT_SECRET: hashKey, ATTEST_LOG_LEVEL: 'error',
    ATTEST_LEDGER_BATCH: '300', ATTEST_LEDGER_SEQUENCE_EVERY_MS: '50',
  });
  const start = async (app: 'api' | 'worker', env: Record<string, string>) => {
    const started = await AttestProcess.start(REPO_ROOT, app, env);
    processes.push(started);
    return started;
  };

  /** Records the backlog through an API that only enqueues (Redis mode, no worker yet): nothing seals it. */
  async function backlog(api: GraphQLCaller): Promise<void> {
    const f = await automationFixture(api);
    for (let i = 0; i < DECISIONS; i += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => decisionInput(f, { idempotencyKey: `crash-${i + k}` }));
      ok(await api.gql(f.service.key, 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded } } }', { i: { decisions: items } }));
    }
  }

  const counts = () =>
    withClient(database.url, async (c): Promise<LeafCounts> => {
      const { rows } = await c.query(`
        SELECT count(*)::int AS leaves, count(position)::int AS sealed, count(DISTINCT position)::int AS distinct,
               coalesce(max(position), -1)::int AS "maxPosition",
               (SELECT coalesce(max(tree_size), 0)::int FROM ledger_checkpoints) AS checkpointed,
               (SELECT count(*)::int FROM ledger_nodes WHERE level = 0) AS "levelZeroNodes"
          FROM ledger_leaves`);
      return rows[0];
    });

  /** Whether a sealing transaction is open now. */
  const sealingInFlight = () =>
    withClient(database.url, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND usename = 'attest_app' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
      );
      return rows[0].n > 0;
    });

  const checkpointNotes = () =>
    withClient(database.url, async (c) => (await c.query('SELECT tree_size, note FROM ledger_checkpoints ORDER BY tree_size')).rows.map((r) => ({ size: Number(r.tree_size), note: r.note as string })));

  /** Everything sealed is whole: as many positions as leaves sealed, consecutive, all in the last checkpoint, each with its hash. */
  function expectWhole(c: LeafCounts): void {
    expect(c.distinct).toBe(c.sealed);
    expect(c.maxPosition).toBe(c.sealed - 1);
    expect(c.checkpointed).toBe(c.sealed);
    expect(c.levelZeroNodes).toBe(c.sealed);
  }

  async function crashMidway(victim: AttestProcess): Promise<LeafCounts> {
    await until(async () => ((await counts()).checkpointed >= 900 && (await sealingInFlight()) ? true : undefined), 'three batches sealed, the next under way', 60_000);
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
    const proof = ok(await api.gql(adminKey, 'query($f: Int!) { ledgerConsistencyProof(fromSize: $f) { fromSize toSize hashes toCheckpoint { note } } }', { f: last.size })).ledgerConsistencyProof;
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
      keyPem = (await (await fetch(`http://127.0.0.1:${api.port}/.well-known/attest/ledger-key`)).json()).publicKeyPem;
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
    keyPem = (await (await fetch(`http://127.0.0.1:${first.port}/.well-known/attest/ledger-key`)).json()).publicKeyPem;
    await crashMidway(first);
    const before = await checkpointNotes();
    const second = await start('api', redisFree);
    await expectSealedOnceAndConsistent(httpCaller(second.port!, adminKey), before);
  });
});

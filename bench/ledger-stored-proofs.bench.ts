/**
 * Ledger proofs from the stored tree (issue 4): inclusion and consistency proofs for a tree of
 * 1,000,000 leaves read from ledger_nodes in PostgreSQL (overStoredTree: the nodes a proof needs,
 * in one query, inside a tenant transaction as the application role), p50/p99 at random positions,
 * beside the same proofs on the in-memory tree in the same run; and ledgerConsistencyProof over
 * GraphQL end to end.
 * The tree: the API's bootstrap tenant's sealed leaves, extended to 1,000,000 with decision leaves
 * whose perfect-subtree heads are computed here and COPied in, with a checkpoint of each size the
 * GraphQL proofs start from (the API only reads them).
 *   npm run build:bench && node dist/bench/ledger-stored-proofs.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { provisionAppConnection, TenantDb } from '@attest/core';
import {
  consistencyProof,
  headOfLeafHashes,
  inclusionProof,
  InMemoryTree,
  leafBytes,
  leafHash,
  nodesCompletedBy,
  overStoredTree,
  rootHash,
  verifyConsistency,
  type TreeReader,
} from '@attest/ledger';
import { AttestProcess } from './support/attest-process';
import { benchDatabase, benchPool } from './support/bench-database';
import { benchEnv } from './support/bench-env';
import { copyRows } from './support/copy-rows';
import { decisionFactText } from './support/decision-fact';
import { GraphQLClient } from './support/graphql-client';
import { leavesWritten, untilCheckpointed } from './support/ledger-progress';
import { randomIntegers, seededRandom } from './support/seeded-random';
import { percentiles, timeEach, timeEachAsync, type Percentiles } from './support/timing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const LEAVES = Number(process.env.BENCH_LEDGER_LEAVES ?? 1_000_000);
const PROOFS = 2_000;
const GRAPHQL_PROOFS = 1_000;
const WARMUP = 200;
const COPY_SLICE = 100_000;
const TARGET_P99_MS = 5;

interface StoredTimes {
  /** The overStoredTree call alone: one query for the nodes, then the proof computed from them. */
  proof: Percentiles;
  /** Its whole tenant transaction: BEGIN with the tenant set, the proof, COMMIT. */
  transaction: Percentiles;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env } = benchEnv(db.url);
  const pool = benchPool(db.url, 2);
  let api: AttestProcess | undefined;
  let app: DataSource | undefined;
  try {
    api = await AttestProcess.start(REPO_ROOT, 'api', env);
    const [{ id: tenantId }] = (await pool.query('SELECT id FROM tenants')).rows;
    const sealed = await leavesWritten(pool, tenantId);
    await untilCheckpointed(pool, tenantId, sealed);

    const random = seededRandom(11);
    const indices = randomIntegers(random, PROOFS, 0, LEAVES);
    const oldSizes = [...new Set(randomIntegers(random, PROOFS, sealed + 1, LEAVES))];
    const storing = Date.now();
    const memory = await storeTree(pool, tenantId, sealed, oldSizes.slice(0, GRAPHQL_PROOFS));
    const storeSeconds = (Date.now() - storing) / 1000;
    const root = rootHash(memory, LEAVES);

    app = await new DataSource({ type: 'postgres', url: await provisionAppConnection(db.url, {}), extra: { max: 1 } }).initialize();
    const tenantDb = new TenantDb(app);
    const stored = (n: number, proofOf: (i: number) => (tree: TreeReader) => Buffer[], expected: (i: number) => Buffer[]) =>
      timeStored(tenantDb, tenantId, n, proofOf, expected);
    const inclusionAt = (i: number) => (tree: TreeReader) => inclusionProof(tree, indices[i], LEAVES);
    const consistencyFrom = (i: number) => (tree: TreeReader) => consistencyProof(tree, oldSizes[i], LEAVES);
    const inMemory = (proof: (i: number) => (tree: TreeReader) => Buffer[]) => (i: number) => proof(i)(memory);

    await stored(WARMUP, inclusionAt, inMemory(inclusionAt));
    const storedInclusion = await stored(PROOFS, inclusionAt, inMemory(inclusionAt));
    const storedConsistency = await stored(oldSizes.length, consistencyFrom, inMemory(consistencyFrom));
    const memoryInclusion = timeEach(PROOFS, inMemory(inclusionAt));
    const memoryConsistency = timeEach(oldSizes.length, inMemory(consistencyFrom));
    const graphql = await graphqlConsistency(api.port!, adminKey, oldSizes.slice(0, GRAPHQL_PROOFS), memory, root);

    const [pg] = (
      await pool.query<{ v: string; nodes: string }>(
        "SELECT current_setting('server_version') AS v, (SELECT count(*) FROM ledger_nodes) AS nodes",
      )
    ).rows;
    const ms = (x: number) => x.toFixed(3);
    const ratio = (stored: Percentiles, memory: Percentiles) =>
      `${(stored.p50 / memory.p50).toFixed(0)}× / ${(stored.p99 / memory.p99).toFixed(0)}×`;
    const out = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${pg.v} ` +
        `(${db.embedded ? 'embedded' : "DATABASE_URL's server"}). A tree of ${LEAVES} leaves (${sealed} sealed by the API, the rest decision leaves), ` +
        `${pg.nodes} rows in ledger_nodes, stored in ${storeSeconds.toFixed(0)} s; ${PROOFS} inclusion proofs and ${oldSizes.length} consistency proofs ` +
        `at random positions and sizes, each stored proof checked equal to the in-memory one.`,
      '',
      `| proof generation, tree of ${LEAVES} | p50 | p99 | stored vs in-memory (p50 / p99) |`,
      '|---|---|---|---|',
      `| inclusion, in-memory tree (baseline) | ${ms(memoryInclusion.p50)} ms | ${ms(memoryInclusion.p99)} ms | baseline |`,
      `| inclusion, stored tree: overStoredTree in a tenant transaction | ${ms(storedInclusion.proof.p50)} ms | ${ms(storedInclusion.proof.p99)} ms | ${ratio(storedInclusion.proof, memoryInclusion)} |`,
      `| inclusion, stored tree: its whole tenant transaction | ${ms(storedInclusion.transaction.p50)} ms | ${ms(storedInclusion.transaction.p99)} ms | ${ratio(storedInclusion.transaction, memoryInclusion)} |`,
      `| consistency, in-memory tree (baseline) | ${ms(memoryConsistency.p50)} ms | ${ms(memoryConsistency.p99)} ms | baseline |`,
      `| consistency, stored tree: overStoredTree in a tenant transaction | ${ms(storedConsistency.proof.p50)} ms | ${ms(storedConsistency.proof.p99)} ms | ${ratio(storedConsistency.proof, memoryConsistency)} |`,
      `| consistency, stored tree: its whole tenant transaction | ${ms(storedConsistency.transaction.p50)} ms | ${ms(storedConsistency.transaction.p99)} ms | ${ratio(storedConsistency.transaction, memoryConsistency)} |`,
      `| consistency, ledgerConsistencyProof over GraphQL (HTTP, auth, 2 checkpoint reads, proof), ${GRAPHQL_PROOFS} calls | ${ms(graphql.p50)} ms | ${ms(graphql.p99)} ms | ${ratio(graphql, memoryConsistency)} |`,
      '',
      `Target (issue 4): proof generation p99 < ${TARGET_P99_MS} ms for 1,000,000 leaves, from the stored tree (here ${LEAVES}) — ` +
        `inclusion ${ms(storedInclusion.proof.p99)} ms, consistency ${ms(storedConsistency.proof.p99)} ms: ` +
        `${Math.max(storedInclusion.proof.p99, storedConsistency.proof.p99) < TARGET_P99_MS ? 'MET' : 'NOT MET'}; over GraphQL ${ms(graphql.p99)} ms.`,
      '',
      `Total bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await app?.destroy();
    await api?.stop();
    await pool.end();
    await db.drop();
  }
}

/**
 * Extends the tenant's stored tree of `sealed` leaves to LEAVES: the sealed leaves hashed as the
 * sequencer did (checked against their checkpoint), then decision leaves; every perfect-subtree
 * head not stored yet is COPied into ledger_nodes, with a checkpoint of LEAVES and of each size in
 * `checkpointSizes`, in one transaction. Returns the same tree in memory.
 */
async function storeTree(pool: Pool, tenantId: string, sealed: number, checkpointSizes: number[]): Promise<InMemoryTree> {
  const { rows } = await pool.query<{ position: string; fact: string }>(
    'SELECT position, fact FROM ledger_leaves WHERE tenant_id = $1 AND position IS NOT NULL ORDER BY position',
    [tenantId],
  );
  const hashes = rows.map((r) => leafHash(leafBytes(Number(r.position), r.fact)));
  const [checkpoint] = (
    await pool.query('SELECT root_hash FROM ledger_checkpoints WHERE tenant_id = $1 AND tree_size = $2', [tenantId, sealed])
  ).rows;
  if (!headOfLeafHashes(hashes).equals(checkpoint.root_hash))
    throw new Error('the sealed leaves do not give their checkpoint: the leaf format changed?');
  for (let p = sealed; p < LEAVES; p++) hashes.push(leafHash(leafBytes(p, decisionFactText(p))));
  const tree = new InMemoryTree(hashes);

  // Every node from position 0; the ones covering only sealed leaves are stored already.
  const nodes = nodesCompletedBy(0, hashes, () => {
    throw new Error('a tree built from position 0 reads no earlier node');
  }).filter((n) => (n.index + 1) * 2 ** n.level > sealed);
  const signedAt = new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < nodes.length; i += COPY_SLICE) {
      await copyRows(
        client,
        'ledger_nodes',
        ['tenant_id', 'level', 'index', 'hash'],
        nodes.slice(i, i + COPY_SLICE).map((n) => ({ tenant_id: tenantId, ...n })),
      );
    }
    const checkpoints = [...checkpointSizes, LEAVES].map((size) => ({
      tenant_id: tenantId,
      tree_size: size,
      root_hash: rootHash(tree, size),
      signed_at: signedAt,
      note: 'bench: a checkpoint row for proofs (not signed)',
    }));
    await copyRows(client, 'ledger_checkpoints', ['tenant_id', 'tree_size', 'root_hash', 'signed_at', 'note'], checkpoints);
    await client.query('COMMIT');
    // As autovacuum would soon: without statistics the planner takes the table for the few rows it had.
    await client.query('ANALYZE ledger_nodes');
  } finally {
    client.release();
  }
  return tree;
}

/** n stored proofs, each in its own tenant transaction as the application role, each checked equal to the in-memory one. */
async function timeStored(
  db: TenantDb,
  tenantId: string,
  n: number,
  proofOf: (i: number) => (tree: TreeReader) => Buffer[],
  expected: (i: number) => Buffer[],
): Promise<StoredTimes> {
  const proofMs: number[] = [];
  const proofs: Buffer[][] = [];
  const transaction = await timeEachAsync(n, async (i) => {
    proofs.push(
      await db.transaction(tenantId, async (m) => {
        const started = process.hrtime.bigint();
        const hashes = await overStoredTree(m, LEAVES, proofOf(i));
        proofMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        return hashes;
      }),
    );
  });
  proofs.forEach((proof, i) => {
    const wanted = expected(i);
    if (proof.length !== wanted.length || proof.some((h, k) => !h.equals(wanted[k])))
      throw new Error(`stored proof ${i} differs from the in-memory one`);
  });
  return { proof: percentiles(proofMs), transaction };
}

/** ledgerConsistencyProof from each size to the latest checkpoint, one call after the other, each proof verified. */
async function graphqlConsistency(
  port: number,
  adminKey: string,
  fromSizes: number[],
  memory: InMemoryTree,
  root: Buffer,
): Promise<Percentiles> {
  const client = new GraphQLClient(port, adminKey, 1);
  const query = 'query($f: SafeInt!) { ledgerConsistencyProof(fromSize: $f) { toSize hashes } }';
  const answers: { toSize: number; hashes: string[] }[] = [];
  const call = async (fromSize: number) => {
    answers.push((await client.gql(query, { f: fromSize })).ledgerConsistencyProof);
  };
  try {
    for (const size of fromSizes.slice(0, WARMUP)) await call(size);
    answers.length = 0;
    const times = await timeEachAsync(fromSizes.length, (i) => call(fromSizes[i]));
    answers.forEach((proof, i) => {
      const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
      if (proof.toSize !== LEAVES || !verifyConsistency(fromSizes[i], LEAVES, rootHash(memory, fromSizes[i]), root, hashes)) {
        throw new Error(`the consistency proof from ${fromSizes[i]} does not verify`);
      }
    });
    return times;
  } finally {
    client.close();
  }
}

runBench(main);

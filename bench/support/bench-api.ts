import type { Pool } from 'pg';
import { AttestProcess } from './attest-process';
import { benchDatabase, benchPool, keyLedgerFacts, type BenchDatabase } from './bench-database';
import { benchEnv } from './bench-env';
import { GraphQLClient } from './graphql-client';

export interface BenchApi {
  db: BenchDatabase;
  api: AttestProcess;
  adminKey: string;
  /** The bootstrap admin's client. */
  admin: GraphQLClient;
  /** A raw pool (2 connections) on the database, keyed as the application keys ledger facts: for bulk fixtures and baselines. */
  pool: Pool;
  /** The variables the API was started with (its database, keys): for an application instance in the bench's own process. */
  env: Record<string, string>;
}

/**
 * Runs `body` against a fresh database with the API on it in its own process (which migrates it),
 * then stops and drops everything, whatever `body` did: the frame of a bench that fills the
 * database by hand beside the API.
 */
export async function withBenchApi(repoRoot: string, body: (bench: BenchApi) => Promise<void>): Promise<void> {
  const db = await benchDatabase(process.env.DATABASE_URL);
  const { adminKey, env } = benchEnv(db.url);
  const pool = benchPool(db.url, 2);
  const api = await AttestProcess.start(repoRoot, 'api', env);
  const admin = new GraphQLClient(api.port!, adminKey, 1);
  try {
    await keyLedgerFacts(pool, db.url, env.ATTEST_HASH_KEY);
    await body({ db, api, adminKey, admin, pool, env });
  } finally {
    admin.close();
    await api.stop('SIGTERM');
    await pool.end();
    await db.drop();
  }
}

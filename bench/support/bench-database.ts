import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { hmacSha256Pads, ledgerFactKey, loadConfig, openDatabaseServer } from '@attest/core';

export interface BenchDatabase {
  /** Owner connection to the fresh database. */
  url: string;
  name: string;
  embedded: boolean;
  drop(): Promise<void>;
}

/** A fresh database: on `serverUrl`'s server (dropped afterwards), or an embedded PostgreSQL in a temp folder. */
export async function benchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (serverUrl) {
    const name = `attest_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      name,
      embedded: false,
      drop: async () => {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const root = await mkdtemp(join(tmpdir(), 'attest-bench-'));
  await chmod(root, 0o711);
  const server = await openDatabaseServer(loadConfig({ ATTEST_DATA_DIR: join(root, 'data') }));
  return {
    url: server.url,
    name: new URL(server.url).pathname.slice(1),
    embedded: true,
    drop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A raw pg pool on the bench database, for baselines and checks beside the API. */
export function benchPool(url: string, max: number): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined); // an idle connection ended by DROP DATABASE … WITH (FORCE) at the end
  return pool;
}

/**
 * Gives every connection the pool opens from now on the bootstrap tenant's ledger fact key, as the
 * application sets it in each of its transactions: facts a bench inserts by hand are then keyed as
 * the application's are (docs/decisions/0011-keyed-ledger-digests.md). Call it once the API has
 * created the tenant, before the pool's first query.
 */
export async function keyLedgerFacts(pool: Pool, url: string, hashKey: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>('SELECT id FROM tenants').finally(() => client.end());
  if (rows.length !== 1) throw new Error(`keyLedgerFacts: expected the bootstrap tenant alone, found ${rows.length} tenants`);
  if (pool.totalCount > 0) throw new Error('keyLedgerFacts: call it before the pool opens a connection');
  // A session default of every connection the pool opens (its options are read for each new one).
  pool.options.options = `-c attest.ledger_fact_key=${hmacSha256Pads(ledgerFactKey(hashKey, rows[0].id)).toString('hex')}`;
}

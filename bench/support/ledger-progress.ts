import type { Pool, PoolClient } from 'pg';

/** Leaves written for the tenant so far, sealed or not (as the owner: no row-level security). */
export async function leavesWritten(pool: Pool, tenantId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_leaves WHERE tenant_id = $1', [tenantId]);
  return rows[0].n;
}

/**
 * Waits until the tenant's latest checkpoint covers `size` leaves, polling every 10 ms (the latest
 * checkpoint is one index probe; counting unsealed leaves would load the database being measured).
 * Returns Date.now() when it was seen.
 */
export async function untilCheckpointed(pool: Pool, tenantId: string, size: number, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ size: string }>(
      'SELECT coalesce(max(tree_size), 0) AS size FROM ledger_checkpoints WHERE tenant_id = $1',
      [tenantId],
    );
    if (Number(rows[0].size) >= size) return Date.now();
    if (Date.now() > deadline) throw new Error(`The tenant's tree reached ${rows[0].size} of ${size} leaves in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * After a bulk insert of facts with their leaves (the ledger's insert triggers on): analyzes the
 * tables as autovacuum would (with statistics from before the insert, the sequencer plans its
 * batch for a handful of pending leaves: a scan and sort of the whole backlog per batch), waits
 * until the API's sequencer has sealed every leaf, then vacuums them as autovacuum does an
 * insert-only table (statistics, and the visibility map index-only scans need). Returns the
 * seconds the seal took.
 */
export async function sealBulkInsert(client: PoolClient, tables: string[]): Promise<number> {
  const started = Date.now();
  await client.query(`ANALYZE ${tables.join(', ')}`);
  for (;;) {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM ledger_leaves WHERE position IS NULL) AS pending');
    if (!rows[0].pending) break;
    await new Promise((done) => setTimeout(done, 500));
  }
  const sealed = Date.now();
  await client.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  return (sealed - started) / 1000;
}

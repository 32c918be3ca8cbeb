import type { Pool } from 'pg';

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

import type { Pool } from 'pg';

/**
 * Grows a tenant's decisions to `total` by copying the ones recorded through the API (new ids and
 * idempotency keys, everything else as recorded), `chunk` per statement: the ledger's trigger
 * writes each copy's leaf from its row as for any decision, so the copies verify like the
 * originals. For logs larger than the API would record in a bench's minutes.
 */
export async function copyDecisions(pool: Pool, tenantId: string, total: number, chunk = 20_000): Promise<number> {
  const { rows: columns } = await pool.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'decisions' AND column_name NOT IN ('id', 'idempotency_key') AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
  );
  const list = columns.map((c) => c.name).join(', ');
  const count = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM decisions WHERE tenant_id = $1', [tenantId])).rows[0].n;
  const originals = await count();
  for (let have = originals, round = 0; have < total; round++) {
    const n = Math.min(chunk, total - have);
    await pool.query(
      `INSERT INTO decisions (id, idempotency_key, ${list})
       SELECT gen_random_uuid(), d.idempotency_key || '-copy-' || $2 || '-' || g, ${columns.map((c) => `d.${c.name}`).join(', ')}
         FROM generate_series(1, $3::int) g
        CROSS JOIN (SELECT * FROM decisions WHERE tenant_id = $1 AND idempotency_key NOT LIKE '%-copy-%') d
        LIMIT $4`,
      [tenantId, round, Math.ceil(n / originals), n],
    );
    have += n;
  }
  return count();
}

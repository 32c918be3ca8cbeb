import type { Pool } from 'pg';

/**
 * Grows a tenant's decisions to `total` by copying the ones recorded through the API with their
 * explanation steps (new ids and idempotency keys, everything else as recorded), `chunk` per
 * statement. Decision and steps are inserted by one statement, as the API does: the ledger's
 * trigger, which runs at its end, writes each copy's leaf from its row and steps, so the copies
 * verify like the originals. For logs larger than the API would record in a bench's minutes.
 */
export async function copyDecisions(pool: Pool, tenantId: string, total: number, chunk = 20_000): Promise<number> {
  const { rows: columns } = await pool.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'decisions' AND column_name NOT IN ('id', 'idempotency_key') AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
  );
  const list = columns.map((c) => c.name).join(', ');
  const count = async () =>
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM decisions WHERE tenant_id = $1', [tenantId])).rows[0].n;
  const originals = await count();
  for (let have = originals, round = 0; have < total; round++) {
    const n = Math.min(chunk, total - have);
    await pool.query(
      `WITH copies AS MATERIALIZED (
         SELECT gen_random_uuid() AS id, d.id AS original, g
           FROM generate_series(1, $3::int) g
          CROSS JOIN (SELECT id FROM decisions WHERE tenant_id = $1 AND idempotency_key NOT LIKE '%-copy-%') d
          LIMIT $4
       ), decision AS (
         INSERT INTO decisions (id, idempotency_key, ${list})
         SELECT c.id, d.idempotency_key || '-copy-' || $2 || '-' || c.g, ${columns.map((c) => `d.${c.name}`).join(', ')}
           FROM copies c JOIN decisions d ON d.id = c.original
       )
       INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
       SELECT s.tenant_id, c.id, s.position, s.kind, s.detail FROM copies c JOIN explanation_steps s ON s.decision_id = c.original`,
      [tenantId, round, Math.ceil(n / originals), n],
    );
    have += n;
  }
  return count();
}

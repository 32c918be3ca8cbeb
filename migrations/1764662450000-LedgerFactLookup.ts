import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each fact table with its leaf kind and the type of its key (a leaf's fact_id is that key as text). */
const LEDGER_FACTS: { kind: string; table: string; key: 'uuid' | 'bigint' }[] = [
  { kind: 'audit_event', table: 'audit_events', key: 'uuid' },
  { kind: 'decision', table: 'decisions', key: 'uuid' },
  { kind: 'decision_review', table: 'decision_reviews', key: 'uuid' },
  { kind: 'lifecycle_transition', table: 'lifecycle_transitions', key: 'uuid' },
  { kind: 'lifecycle_approval', table: 'lifecycle_approvals', key: 'uuid' },
  { kind: 'policy_pack_activation', table: 'policy_pack_activations', key: 'uuid' },
  { kind: 'lineage_edge', table: 'lineage_edges', key: 'bigint' },
];

/**
 * Fact lookups by key. `attest_ledger_fact` compared `r.id::text = p_id`, a cast on the column, so
 * every call scanned the table and verifyLedger was quadratic (3,000 leaves: 31 s). The key is now
 * compared as its own type, through the primary key; an id that is not a key's canonical text
 * (all a trigger ever writes) matches nothing, as before, instead of failing the cast.
 * `attest_ledger_facts(kind, ids)` looks up a whole slice of leaves of one kind in one call.
 */
export class LedgerFactLookup1764662450000 implements MigrationInterface {
  name = 'LedgerFactLookup1764662450000';

  async up(db: QueryRunner): Promise<void> {
    // The canonical text of each key type: the only form `r.id::text` ever gives.
    await db.query(`
      CREATE FUNCTION attest_ledger_uuids(p_ids text[]) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(array_agg(DISTINCT x::uuid), '{}') FROM unnest(p_ids) x
         WHERE x ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_bigints(p_ids text[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(array_agg(DISTINCT x::bigint), '{}') FROM unnest(p_ids) x WHERE x ~ '^(0|-?[1-9][0-9]{0,17})$' $$`);
    // Keys are compared key = key (a leakproof operator, so row-level security leaves the index to
    // it); the keys come out of the guards above, never from a cast of the column, and are unnested
    // once: as `r.id = ANY (guard(p_ids))` the guard could run again for every row of a scan.
    await db.query(`
      CREATE FUNCTION attest_ledger_facts(p_kind text, p_ids text[]) RETURNS TABLE (fact_id text, fact jsonb) LANGUAGE sql STABLE AS $$
        ${LEDGER_FACTS.map(
          ({ kind, table, key }) => `SELECT r.id::text, attest_ledger_fact_${kind}(r)
          FROM unnest(attest_ledger_${key}s(p_ids)) k(id) JOIN ${table} r ON r.id = k.id WHERE p_kind = '${kind}'`,
        ).join('\n        UNION ALL\n        ')} $$`);
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_ledger_fact(p_kind text, p_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT f.fact FROM attest_ledger_facts(p_kind, ARRAY[p_id]) f $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_ledger_fact(p_kind text, p_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE p_kind
          ${LEDGER_FACTS.map(({ kind, table }) => `WHEN '${kind}' THEN (SELECT attest_ledger_fact_${kind}(r) FROM ${table} r WHERE r.id::text = p_id)`).join('\n          ')}
        END $$`);
    await db.query(`DROP FUNCTION attest_ledger_facts(text, text[]), attest_ledger_uuids(text[]), attest_ledger_bigints(text[])`);
  }
}

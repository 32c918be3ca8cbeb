import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fact tables whose facts held content by unkeyed digest or verbatim (issue 13, items 8 and 9). */
const KEYED_FACTS: { table: string; kind: string; fact: string }[] = [
  {
    table: 'audit_events',
    kind: 'audit_event',
    // What changed (before, after, changes) can hold anything a mutation was given: by keyed digest too.
    fact: `jsonb_build_object('kind', 'audit_event', 'format', 2, 'id', r.id, 'tenantId', r.tenant_id, 'actorId', r.actor_id,
      'action', r.action, 'subjectType', r.subject_type, 'subjectId', r.subject_id, 'before', attest_ledger_keyed_digest(r.before),
      'after', attest_ledger_keyed_digest(r.after), 'changes', attest_ledger_keyed_digest(r.changes),
      'correlationId', attest_ledger_keyed_digest(to_jsonb(r.correlation_id)), 'occurredAt', attest_ledger_time(r.occurred_at))`,
  },
  {
    table: 'decisions',
    kind: 'decision',
    fact: `jsonb_build_object('kind', 'decision', 'format', 2, 'id', r.id, 'tenantId', r.tenant_id, 'automationId', r.automation_id,
      'automationVersionId', r.automation_version_id, 'modelVersionId', r.model_version_id,
      'idempotencyKey', attest_ledger_keyed_digest(to_jsonb(r.idempotency_key)), 'requestHash', r.request_hash,
      'correlationId', attest_ledger_keyed_digest(to_jsonb(r.correlation_id)), 'traceId', r.trace_id, 'inputHash', r.input_hash,
      'input', attest_ledger_keyed_digest(r.input), 'output', attest_ledger_keyed_digest(r.output),
      'context', attest_ledger_keyed_digest(r.context), 'confidence', r.confidence, 'status', r.status,
      'policyPackDigest', r.policy_pack_digest, 'policyEffect', r.policy_effect, 'policyResults', r.policy_results,
      'policyFacts', attest_ledger_keyed_digest(r.policy_facts), 'redactions', r.redactions, 'subjectHash', r.subject_hash,
      'occurredAt', attest_ledger_time(r.occurred_at), 'recordedAt', attest_ledger_time(r.recorded_at), 'recordedBy', r.recorded_by,
      'explanation', attest_ledger_keyed_digest((SELECT jsonb_agg(jsonb_build_object('kind', s.kind, 'detail', s.detail) ORDER BY s.position)
                                                   FROM explanation_steps s WHERE s.decision_id = r.id)))`,
  },
  {
    table: 'decision_reviews',
    kind: 'decision_review',
    fact: `jsonb_build_object('kind', 'decision_review', 'format', 2, 'id', r.id, 'tenantId', r.tenant_id, 'decisionId', r.decision_id,
      'reviewerId', r.reviewer_id, 'verdict', r.verdict, 'rationale', attest_ledger_keyed_digest(to_jsonb(r.rationale)),
      'correctedOutput', attest_ledger_keyed_digest(r.corrected_output), 'redactions', r.redactions,
      'createdAt', attest_ledger_time(r.created_at))`,
  },
];

/**
 * Keyed digests in ledger facts (docs/decisions/0011-keyed-ledger-digests.md). A fact committed to
 * personal content by plain SHA-256 and copied idempotency keys and correlation ids: anyone who may
 * read the ledger could confirm a guessed input. New rows (ledger_format 2) commit to them by
 * HMAC-SHA256 under the tenant's fact key, which the application passes to each transaction in
 * `attest.ledger_fact_key`; the facts are still recomputed from the rows, so an edit of the content
 * is still caught. Rows written before keep format 1 and their fact, byte for byte: the old fact
 * functions live on, renamed `_v1`, unchanged.
 */
export class KeyedLedgerDigests1764748900000 implements MigrationInterface {
  name = 'KeyedLedgerDigests1764748900000';

  async up(db: QueryRunner): Promise<void> {
    // The HMAC's two padded key blocks, (K xor ipad) ‖ (K xor opad), as 256 hex digits: the
    // application pads the key once per transaction, so each digest is two sha256() calls, no XOR
    // in SQL. Missing or malformed, a keyed fact fails: never an unkeyed fallback.
    await db.query(`
      CREATE FUNCTION attest_ledger_fact_pads() RETURNS bytea LANGUAGE plpgsql STABLE AS $$
      DECLARE pads text := current_setting('attest.ledger_fact_key', true);
      BEGIN
        IF pads IS NULL OR length(pads) <> 256 OR pads ~ '[^0-9a-f]' THEN
          RAISE EXCEPTION 'attest.ledger_fact_key is not set: a ledger fact needs the tenant''s fact key'
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN decode(pads, 'hex');
      END $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_hmac(p_pads bytea, p_message bytea) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT AS
      $$ SELECT sha256(substr(p_pads, 65, 64) || sha256(substr(p_pads, 1, 64) || p_message)) $$`);
    // SQL, so that the planner inlines it into the fact (as plpgsql it cost 2.5 times as much per
    // fact). The key is read even for a NULL value (arguments are evaluated before a strict function
    // looks for NULLs): a fact without the key fails whatever it holds; NULL digests to NULL.
    await db.query(`
      CREATE FUNCTION attest_ledger_keyed_digest(v jsonb) RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT 'hmac-sha256:' || encode(attest_ledger_hmac(attest_ledger_fact_pads(), convert_to(v::text, 'UTF8')), 'hex') $$`);

    for (const { table, kind, fact } of KEYED_FACTS) {
      // Existing rows keep format 1; rows inserted from now on get 2 (the column default).
      await db.query(`ALTER TABLE ${table} ADD COLUMN ledger_format smallint NOT NULL DEFAULT 1 CHECK (ledger_format IN (1, 2))`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN ledger_format SET DEFAULT 2`);
      // Triggers and attest_ledger_facts call the function by name, so they get the new one.
      await db.query(`ALTER FUNCTION attest_ledger_fact_${kind}(${table}) RENAME TO attest_ledger_fact_${kind}_v1`);
      await db.query(`
        CREATE FUNCTION attest_ledger_fact_${kind}(r ${table}) RETURNS jsonb LANGUAGE sql STABLE AS $$
          SELECT CASE WHEN r.ledger_format = 1 THEN attest_ledger_fact_${kind}_v1(r) ELSE ${fact} END $$`);
    }
  }

  // Format-2 rows then get format-1 facts, which their leaves do not hold: verifyLedger reports them.
  async down(db: QueryRunner): Promise<void> {
    for (const { table, kind } of KEYED_FACTS) {
      await db.query(`DROP FUNCTION attest_ledger_fact_${kind}(${table})`);
      await db.query(`ALTER FUNCTION attest_ledger_fact_${kind}_v1(${table}) RENAME TO attest_ledger_fact_${kind}`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN ledger_format`);
    }
    await db.query(`DROP FUNCTION attest_ledger_keyed_digest(jsonb), attest_ledger_hmac(bytea, bytea), attest_ledger_fact_pads()`);
  }
}

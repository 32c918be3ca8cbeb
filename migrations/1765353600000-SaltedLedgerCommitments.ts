import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content each fact commits to, by field, as the SQL of its value (a jsonb): the one list the
 * format-3 facts and the openings are both built from, so they cannot disagree on a field.
 */
const COMMITTED: Record<'audit_event' | 'decision' | 'decision_review', Record<string, string>> = {
  audit_event: { before: 'r.before', after: 'r.after', changes: 'r.changes', correlationId: 'to_jsonb(r.correlation_id)' },
  decision: {
    idempotencyKey: 'to_jsonb(r.idempotency_key)',
    correlationId: 'to_jsonb(r.correlation_id)',
    input: 'r.input',
    output: 'r.output',
    context: 'r.context',
    policyFacts: 'r.policy_facts',
    explanation: `(SELECT jsonb_agg(jsonb_build_object('kind', s.kind, 'detail', s.detail) ORDER BY s.position)
                     FROM explanation_steps s WHERE s.decision_id = r.id)`,
  },
  decision_review: { rationale: 'to_jsonb(r.rationale)', correctedOutput: 'r.corrected_output' },
};

type Kind = keyof typeof COMMITTED;

/** A committed field of a fact: its salted digest. */
const commit = (kind: Kind, field: string): string => `attest_ledger_salted_digest('${kind}', r.id, '${field}', ${COMMITTED[kind][field]})`;

/** The format-3 facts: format 2's, field for field, with salted digests where format 2 had keyed ones. */
const SALTED_FACTS: { table: string; kind: Kind; fact: string }[] = [
  {
    table: 'audit_events',
    kind: 'audit_event',
    fact: `jsonb_build_object('kind', 'audit_event', 'format', 3, 'id', r.id, 'tenantId', r.tenant_id, 'actorId', r.actor_id,
      'action', r.action, 'subjectType', r.subject_type, 'subjectId', r.subject_id, 'before', ${commit('audit_event', 'before')},
      'after', ${commit('audit_event', 'after')}, 'changes', ${commit('audit_event', 'changes')},
      'correlationId', ${commit('audit_event', 'correlationId')}, 'occurredAt', attest_ledger_time(r.occurred_at))`,
  },
  {
    table: 'decisions',
    kind: 'decision',
    fact: `jsonb_build_object('kind', 'decision', 'format', 3, 'id', r.id, 'tenantId', r.tenant_id, 'automationId', r.automation_id,
      'automationVersionId', r.automation_version_id, 'modelVersionId', r.model_version_id,
      'idempotencyKey', ${commit('decision', 'idempotencyKey')}, 'requestHash', r.request_hash,
      'correlationId', ${commit('decision', 'correlationId')}, 'traceId', r.trace_id, 'inputHash', r.input_hash,
      'input', ${commit('decision', 'input')}, 'output', ${commit('decision', 'output')},
      'context', ${commit('decision', 'context')}, 'confidence', r.confidence, 'status', r.status,
      'policyPackDigest', r.policy_pack_digest, 'policyEffect', r.policy_effect, 'policyResults', r.policy_results,
      'policyFacts', ${commit('decision', 'policyFacts')}, 'redactions', r.redactions, 'subjectHash', r.subject_hash,
      'occurredAt', attest_ledger_time(r.occurred_at), 'recordedAt', attest_ledger_time(r.recorded_at), 'recordedBy', r.recorded_by,
      'explanation', ${commit('decision', 'explanation')})`,
  },
  {
    table: 'decision_reviews',
    kind: 'decision_review',
    fact: `jsonb_build_object('kind', 'decision_review', 'format', 3, 'id', r.id, 'tenantId', r.tenant_id, 'decisionId', r.decision_id,
      'reviewerId', r.reviewer_id, 'verdict', r.verdict, 'rationale', ${commit('decision_review', 'rationale')},
      'correctedOutput', ${commit('decision_review', 'correctedOutput')}, 'redactions', r.redactions,
      'createdAt', attest_ledger_time(r.created_at))`,
  },
];

/** The openings of a format-3 row of one kind: each committed field's salt and text, or null for a NULL value. */
const openingsOf = (kind: Kind): string =>
  `CASE WHEN r.ledger_format = 3 THEN jsonb_build_object(${Object.entries(COMMITTED[kind])
    .map(([field, value]) => `'${field}', attest_ledger_opening('${kind}', r.id, '${field}', ${value})`)
    .join(', ')}) END`;

/**
 * Salted commitments with per-field openings (docs/decisions/0015-salted-ledger-commitments.md).
 * A format-2 fact commits to content by HMAC under the tenant's fact key: only the key's holder can
 * check it, and the key must never leave the server. A format-3 fact commits to each field by
 * SHA-256 of a salt and the value's jsonb text, the salt being HMAC(fact key, '<kind>:<id>:<field>'):
 * as unguessable as before without the salt, and the salt and text of one field (its opening) let an
 * auditor offline check that field, and nothing else. Rows written before keep format 1 or 2 and
 * their facts, byte for byte: the new fact functions hold the format-2 ones' SQL, unchanged.
 */
export class SaltedLedgerCommitments1765353600000 implements MigrationInterface {
  name = 'SaltedLedgerCommitments1765353600000';

  async up(db: QueryRunner): Promise<void> {
    // The key is read even when the value is NULL (as for keyed digests): a fact without the key fails.
    await db.query(`
      CREATE FUNCTION attest_ledger_salt(p_kind text, p_id uuid, p_field text) RETURNS bytea LANGUAGE sql STABLE AS
      $$ SELECT attest_ledger_hmac(attest_ledger_fact_pads(), convert_to(p_kind || ':' || p_id::text || ':' || p_field, 'UTF8')) $$`);
    // SQL, so that the planner inlines it into the fact, as attest_ledger_keyed_digest; NULL stays NULL.
    await db.query(`
      CREATE FUNCTION attest_ledger_salted_digest(p_kind text, p_id uuid, p_field text, v jsonb) RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT 'sha256-salted:' || encode(sha256(attest_ledger_salt(p_kind, p_id, p_field) || convert_to(v::text, 'UTF8')), 'hex') $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_opening(p_kind text, p_id uuid, p_field text, v jsonb) RETURNS jsonb LANGUAGE sql STABLE AS
      $$ SELECT CASE WHEN v IS NOT NULL THEN jsonb_build_object('salt', encode(attest_ledger_salt(p_kind, p_id, p_field), 'hex'), 'text', v::text) END $$`);

    for (const { table, kind, fact } of SALTED_FACTS) {
      // Widening the check scans the table but, NOT VALID then validated, without blocking writes.
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_ledger_format_check`);
      await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_ledger_format_check CHECK (ledger_format IN (1, 2, 3)) NOT VALID`);
      await db.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_ledger_format_check`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN ledger_format SET DEFAULT 3`);
      // Triggers and attest_ledger_facts call the function by name, so they get the new one. It
      // holds the format-2 function's expression verbatim, read from the catalogue, rather than a
      // call of it: a decision's fact (a subquery) is never inlined, and a SQL function called from
      // one that is not is planned again for every row (a call of `_v2` cost 1 ms a fact). `_v2`
      // stays for down().
      const { prosrc } = (await db.query(`SELECT prosrc FROM pg_proc WHERE oid = 'attest_ledger_fact_${kind}(${table})'::regprocedure`))[0];
      const keyed = /^\s*SELECT\s+([\s\S]+?)\s*$/.exec(prosrc)?.[1];
      if (!keyed?.startsWith('CASE WHEN r.ledger_format = 1 ')) throw new Error(`attest_ledger_fact_${kind} is not the format-2 function`);
      await db.query(`ALTER FUNCTION attest_ledger_fact_${kind}(${table}) RENAME TO attest_ledger_fact_${kind}_v2`);
      await db.query(`
        CREATE FUNCTION attest_ledger_fact_${kind}(r ${table}) RETURNS jsonb LANGUAGE sql STABLE AS $$
          SELECT CASE WHEN r.ledger_format < 3 THEN ${keyed} ELSE ${fact} END $$`);
    }

    // A fact's openings, by its leaf's kind and id, read in the tenant's transaction (row-level
    // security and the fact key): null for a format-1 or 2 fact, or none.
    await db.query(`
      CREATE FUNCTION attest_ledger_openings(p_kind text, p_id uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT CASE p_kind
          ${SALTED_FACTS.map(({ table, kind }) => `WHEN '${kind}' THEN (SELECT ${openingsOf(kind)} FROM ${table} r WHERE r.id = p_id)`).join('\n          ')}
        END $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_ledger_openings(text, uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_ledger_openings(text, uuid) TO attest_app`);
  }

  // Refused while format-3 rows exist (the narrowed check fails): their facts have no other form.
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION attest_ledger_openings(text, uuid)`);
    for (const { table, kind } of SALTED_FACTS) {
      await db.query(`DROP FUNCTION attest_ledger_fact_${kind}(${table})`);
      await db.query(`ALTER FUNCTION attest_ledger_fact_${kind}_v2(${table}) RENAME TO attest_ledger_fact_${kind}`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN ledger_format SET DEFAULT 2`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_ledger_format_check`);
      await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_ledger_format_check CHECK (ledger_format IN (1, 2))`);
    }
    await db.query(
      `DROP FUNCTION attest_ledger_opening(text, uuid, text, jsonb), attest_ledger_salted_digest(text, uuid, text, jsonb), attest_ledger_salt(text, uuid, text)`,
    );
  }
}

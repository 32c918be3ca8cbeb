import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every fact kind attest_ledger_facts looks up, as ImmutableRegistryVersions left it, and the new one. */
const EARLIER_FACTS: { kind: string; table: string; key: 'uuid' | 'bigint' }[] = [
  { kind: 'audit_event', table: 'audit_events', key: 'uuid' },
  { kind: 'decision', table: 'decisions', key: 'uuid' },
  { kind: 'decision_review', table: 'decision_reviews', key: 'uuid' },
  { kind: 'lifecycle_transition', table: 'lifecycle_transitions', key: 'uuid' },
  { kind: 'lifecycle_approval', table: 'lifecycle_approvals', key: 'uuid' },
  { kind: 'policy_pack_activation', table: 'policy_pack_activations', key: 'uuid' },
  { kind: 'lineage_edge', table: 'lineage_edges', key: 'bigint' },
  { kind: 'dataset_version', table: 'dataset_versions', key: 'uuid' },
  { kind: 'model_version', table: 'model_versions', key: 'uuid' },
  { kind: 'automation_version', table: 'automation_versions', key: 'uuid' },
];
const EVIDENCE_DOCUMENT = { kind: 'evidence_document', table: 'evidence_documents', key: 'uuid' as const };

/**
 * The documents the evidence context generates (docs/evidence.md): technical documentation, model
 * cards, and later evidence packs and subject explanations, each stored as handed out, with its
 * SHA-256. A document is a fact like a decision: append-only, and a ledger leaf (`evidence_document`)
 * commits to its digest, so "what documentation existed on date D" is provable with an inclusion
 * proof. The leaf's digest is recomputed from the stored bytes, not read from the digest column, so
 * an edit of the content is caught even if the column is edited with it.
 */
export class EvidenceDocuments1765353700000 implements MigrationInterface {
  name = 'EvidenceDocuments1765353700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE evidence_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        kind text NOT NULL CHECK (kind IN ('annex_iv', 'model_card', 'evidence_pack', 'subject_explanation')),
        -- What the document is about: a registry version's id, a decision's id, a subject's keyed hash.
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Za-z]{0,39}$'),
        subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
        format text NOT NULL CHECK (format IN ('markdown', 'html', 'pdf', 'json', 'zip')),
        media_type text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 100),
        file_name text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$'),
        sha256 text NOT NULL CHECK (sha256 = encode(sha256(content), 'hex')),
        byte_size integer NOT NULL CHECK (byte_size = octet_length(content)),
        content bytea NOT NULL,
        -- Null for the system (a job); a principal otherwise.
        generated_by uuid REFERENCES principals(id),
        generated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(
      `CREATE INDEX evidence_documents_subject ON evidence_documents (tenant_id, subject_type, subject_id, generated_at DESC, id)`,
    );
    await db.query(`ALTER TABLE evidence_documents ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE evidence_documents FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON evidence_documents
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    // Append-only, for every role (the owner and a superuser included), like the other fact tables.
    await db.query(`GRANT SELECT, INSERT ON evidence_documents TO attest_app`);
    await db.query(`
      CREATE TRIGGER evidence_documents_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON evidence_documents
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);

    await db.query(`
      CREATE FUNCTION attest_ledger_fact_evidence_document(r evidence_documents) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object('kind', 'evidence_document', 'id', r.id, 'tenantId', r.tenant_id, 'documentKind', r.kind,
          'subjectType', r.subject_type, 'subjectId', r.subject_id, 'format', r.format, 'mediaType', r.media_type,
          'fileName', r.file_name, 'sha256', encode(sha256(r.content), 'hex'), 'byteSize', octet_length(r.content),
          'generatedBy', r.generated_by, 'generatedAt', attest_ledger_time(r.generated_at)) $$`);
    await db.query(`
      CREATE FUNCTION attest_ledger_append_evidence_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_leaves (tenant_id, kind, fact_id, fact)
        SELECT n.tenant_id, 'evidence_document', n.id::text, attest_ledger_fact_evidence_document(n)::text FROM new_rows n;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER evidence_documents_ledger AFTER INSERT ON evidence_documents
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attest_ledger_append_evidence_document()`);
    await defineFactLookup(db, [...EARLIER_FACTS, EVIDENCE_DOCUMENT]);
  }

  async down(db: QueryRunner): Promise<void> {
    // The leaves written meanwhile stay (a ledger is never rewritten); verifyLedger then finds no fact behind them.
    await defineFactLookup(db, EARLIER_FACTS);
    await db.query(`DROP TRIGGER evidence_documents_ledger ON evidence_documents`);
    await db.query(`DROP FUNCTION attest_ledger_append_evidence_document(), attest_ledger_fact_evidence_document(evidence_documents)`);
    await db.query(`DROP TABLE evidence_documents`);
  }
}

/** attest_ledger_facts as LedgerFactLookup defines it, over the given kinds. */
async function defineFactLookup(db: QueryRunner, facts: typeof EARLIER_FACTS): Promise<void> {
  await db.query(`
    CREATE OR REPLACE FUNCTION attest_ledger_facts(p_kind text, p_ids text[]) RETURNS TABLE (fact_id text, fact jsonb) LANGUAGE sql STABLE AS $$
      ${facts
        .map(
          ({ kind, table, key }) => `SELECT r.id::text, attest_ledger_fact_${kind}(r)
        FROM unnest(attest_ledger_${key}s(p_ids)) k(id) JOIN ${table} r ON r.id = k.id WHERE p_kind = '${kind}'`,
        )
        .join('\n      UNION ALL\n      ')} $$`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asynchronous decision ingest: a job (who submitted how many items), its chunks (the items staged
 * sealed — they are not redacted yet — until a worker records them, then the payload is dropped and
 * the chunk keeps its counts), and the dead letters (items refused, with the reason; never values).
 * A SECURITY DEFINER function lets the recovery sweep claim chunks whose queue job was lost across
 * tenants.
 */
export class DecisionIngest1764230600000 implements MigrationInterface {
  name = 'DecisionIngest1764230600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE decision_ingest_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        submitted_by uuid NOT NULL REFERENCES principals(id),
        correlation_id text,
        item_count integer NOT NULL CHECK (item_count > 0),
        chunk_count integer NOT NULL CHECK (chunk_count > 0),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX decision_ingest_jobs_page ON decision_ingest_jobs (tenant_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE decision_ingest_chunks (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        job_id uuid NOT NULL REFERENCES decision_ingest_jobs(id),
        chunk integer NOT NULL CHECK (chunk >= 0),
        first_index integer NOT NULL CHECK (first_index >= 0),
        item_count integer NOT NULL CHECK (item_count > 0),
        payload bytea,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
        recorded integer NOT NULL DEFAULT 0,
        pending_review integer NOT NULL DEFAULT 0,
        blocked integer NOT NULL DEFAULT 0,
        replayed integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        enqueues integer NOT NULL DEFAULT 1,
        enqueued_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        started_at timestamptz(3),
        completed_at timestamptz(3),
        PRIMARY KEY (job_id, chunk),
        CHECK ((status = 'pending') = (payload IS NOT NULL)),
        CHECK (status = 'pending' OR recorded + pending_review + blocked + replayed + failed = item_count)
      )`);
    await db.query(`CREATE INDEX decision_ingest_chunks_pending ON decision_ingest_chunks (enqueued_at) WHERE status = 'pending'`);
    await db.query(`
      CREATE TABLE decision_ingest_errors (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        job_id uuid NOT NULL REFERENCES decision_ingest_jobs(id),
        item_index integer NOT NULL CHECK (item_index >= 0),
        idempotency_key text,
        code text NOT NULL,
        message text NOT NULL,
        field text,
        decision_id uuid REFERENCES decisions(id),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (job_id, item_index)
      )`);
    await db.query(`
      CREATE TRIGGER decision_ingest_errors_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON decision_ingest_errors
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);

    for (const table of ['decision_ingest_jobs', 'decision_ingest_chunks', 'decision_ingest_errors']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    }
    await db.query(`GRANT SELECT, INSERT ON decision_ingest_jobs, decision_ingest_errors TO attest_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON decision_ingest_chunks TO attest_app`);

    // Claims pending chunks last (re)enqueued before a cutoff: bumps their enqueue count (the next queue
    // job id) and time, so that two sweepers never claim the same chunk, nor one sweep twice; chunks
    // being recorded are locked and skipped. Ids and counts only, never payloads.
    await db.query(`
      CREATE FUNCTION attest_claim_stale_ingest_chunks(p_enqueued_before timestamptz, p_limit integer)
      RETURNS TABLE (tenant_id uuid, job_id uuid, chunk integer, enqueues integer)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH stale AS (
          SELECT c.job_id, c.chunk FROM decision_ingest_chunks c
           WHERE c.status = 'pending' AND c.enqueued_at <= p_enqueued_before
           ORDER BY c.enqueued_at LIMIT p_limit
           FOR UPDATE SKIP LOCKED
        )
        UPDATE decision_ingest_chunks c SET enqueues = c.enqueues + 1, enqueued_at = clock_timestamp()
          FROM stale WHERE c.job_id = stale.job_id AND c.chunk = stale.chunk
        RETURNING c.tenant_id, c.job_id, c.chunk, c.enqueues
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_claim_stale_ingest_chunks(timestamptz, integer) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_claim_stale_ingest_chunks(timestamptz, integer) TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION attest_claim_stale_ingest_chunks(timestamptz, integer)`);
    await db.query(`DROP TABLE decision_ingest_errors, decision_ingest_chunks, decision_ingest_jobs`);
  }
}

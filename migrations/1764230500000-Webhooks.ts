import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: per-automation subscriptions (the signing secret stored sealed, never in clear), an
 * outbox of deliveries written in the same transaction as the fact they announce, and every
 * delivery attempt (append-only). A SECURITY DEFINER function lets the sweeper find deliveries
 * whose job was lost (a crash between commit and enqueue) across tenants.
 */
export class Webhooks1764230500000 implements MigrationInterface {
  name = 'Webhooks1764230500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_id uuid NOT NULL REFERENCES automations(id),
        url text NOT NULL CHECK (url ~ '^https?://'),
        events text[] NOT NULL CHECK (cardinality(events) > 0
          AND events <@ ARRAY['decision.recorded', 'decision.pending_review', 'decision.blocked', 'decision.reviewed']),
        secret_sealed text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES principals(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhook_subscriptions_automation ON webhook_subscriptions (automation_id) WHERE active`);
    await db.query(`CREATE INDEX webhook_subscriptions_page ON webhook_subscriptions (tenant_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        decision_id uuid NOT NULL REFERENCES decisions(id),
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        completed_at timestamptz(3),
        UNIQUE (subscription_id, decision_id, event)
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (created_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_page ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX webhook_deliveries_decision ON webhook_deliveries (decision_id)`);
    await db.query(`
      CREATE TABLE webhook_delivery_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
        attempt integer NOT NULL CHECK (attempt > 0),
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        response_snippet text,
        attempted_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, attempted_at)`);
    await db.query(`
      CREATE TRIGGER webhook_delivery_attempts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON webhook_delivery_attempts
      FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);

    for (const table of ['webhook_subscriptions', 'webhook_deliveries', 'webhook_delivery_attempts']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON webhook_subscriptions, webhook_deliveries TO attest_app`);
    await db.query(`GRANT SELECT, INSERT ON webhook_delivery_attempts TO attest_app`);

    // Only ids, tenants and age: enough to re-enqueue a lost job, nothing of its content.
    await db.query(`
      CREATE FUNCTION attest_stale_webhook_deliveries(p_older_than interval, p_limit integer)
      RETURNS TABLE (id uuid, tenant_id uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT d.id, d.tenant_id FROM webhook_deliveries d
         WHERE d.status = 'pending' AND d.created_at < now() - p_older_than
         ORDER BY d.created_at LIMIT p_limit
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION attest_stale_webhook_deliveries(interval, integer) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION attest_stale_webhook_deliveries(interval, integer) TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION attest_stale_webhook_deliveries(interval, integer)`);
    await db.query(`DROP TABLE webhook_delivery_attempts, webhook_deliveries, webhook_subscriptions`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MAINTENANCE_ROLE, reclaimMaintenanceFunctions, withMaintenanceFunctions } from './support/maintenance-role';

const DECISION_EVENTS = `'decision.recorded', 'decision.pending_review', 'decision.blocked', 'decision.reviewed'`;
const MONITOR_EVENTS = `'monitor.alert', 'monitor.recovered'`;
const OVERDUE_EVENT = `'decision.review_overdue'`;
/** Without a review SLA of its automation, a decision is due a day after it was recorded. */
const DEFAULT_SLA_MINUTES = 24 * 60;

const dueAt = (decision: string) => `${decision}.recorded_at + make_interval(mins => coalesce(
  (SELECT s.sla_minutes FROM review_settings s WHERE s.automation_id = ${decision}.automation_id), ${DEFAULT_SLA_MINUTES}))`;

/**
 * The review workflow (docs/api.md "Review workflow"): each decision sent to review is an open
 * review item until its review: who holds it (a claim that expires, or an assignment that does
 * not), when it is due (its automation's review SLA, a day by default), and when it was announced
 * overdue (once). Items are opened by a statement trigger on the decisions' INSERT, so the decision's
 * one statement (ADR 0005) opens them too, and closed in the review's transaction. The review
 * backlog gauge now reads the open items, not every decision ever sent to review.
 */
export class ReviewWorkflow1765267200000 implements MigrationInterface {
  name = 'ReviewWorkflow1765267200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE review_settings (
        automation_id uuid PRIMARY KEY REFERENCES automations(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        sla_minutes integer NOT NULL CHECK (sla_minutes BETWEEN 1 AND 525600),
        updated_by uuid NOT NULL REFERENCES principals(id),
        updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`
      CREATE TABLE review_items (
        decision_id uuid PRIMARY KEY REFERENCES decisions(id),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        automation_id uuid NOT NULL REFERENCES automations(id),
        recorded_at timestamptz(3) NOT NULL,
        due_at timestamptz(3) NOT NULL,
        claimed_by uuid REFERENCES principals(id),
        claimed_at timestamptz(3),
        -- Null while claimed: an assignment, held until released or reviewed.
        claim_expires_at timestamptz(3),
        assigned_by uuid REFERENCES principals(id),
        overdue_at timestamptz(3),
        -- When its holder or overdue mark last changed: the console's live updates watch it.
        changed_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
        CHECK (claimed_by IS NOT NULL OR (claim_expires_at IS NULL AND assigned_by IS NULL))
      )`);
    await db.query(`CREATE INDEX review_items_queue ON review_items (tenant_id, recorded_at, decision_id)`);
    await db.query(`CREATE INDEX review_items_claimed ON review_items (tenant_id, claimed_by) WHERE claimed_by IS NOT NULL`);
    await db.query(`CREATE INDEX review_items_not_announced ON review_items (due_at) WHERE overdue_at IS NULL`);
    for (const table of ['review_settings', 'review_items']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
      await db.query(`CREATE POLICY maintenance_cross_tenant ON ${table} TO ${MAINTENANCE_ROLE} USING (true) WITH CHECK (true)`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON review_settings TO attest_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON review_items TO attest_app`);
    await db.query(`GRANT SELECT (tenant_id, automation_id, recorded_at, due_at, overdue_at) ON review_items TO ${MAINTENANCE_ROLE}`);

    // The items of the decisions an INSERT sent to review, in that statement (the caller's tenant).
    await db.query(`
      CREATE FUNCTION attest_open_review_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO review_items (decision_id, tenant_id, automation_id, recorded_at, due_at)
        SELECT n.id, n.tenant_id, n.automation_id, n.recorded_at, ${dueAt('n')}
          FROM inserted n WHERE n.status = 'pending_review';
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER decisions_open_review_items AFTER INSERT ON decisions
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION attest_open_review_items()`);

    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${DECISION_EVENTS}, ${MONITOR_EVENTS}, ${OVERDUE_EVENT}])`);

    await withMaintenanceFunctions(db, async () => {
      // The tenants with an item past due and not announced yet (the overdue sweep; cross-tenant).
      await db.query(`
        CREATE FUNCTION attest_overdue_review_tenants() RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT DISTINCT i.tenant_id FROM review_items i WHERE i.overdue_at IS NULL AND i.due_at <= clock_timestamp()
        $$`);
      // The backlog gauges: the open items (MonitoringReads1765094400000 read every decision ever sent to review).
      await db.query(`
        CREATE OR REPLACE FUNCTION attest_review_backlog()
          RETURNS TABLE (tenant_id uuid, automation_id uuid, pending bigint, oldest_recorded_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT i.tenant_id, i.automation_id, count(*), min(i.recorded_at) FROM review_items i GROUP BY i.tenant_id, i.automation_id $$`);
      // What is pending already, across tenants, as attest_maintenance (FORCE hides every tenant's rows from the owner).
      await db.query(`GRANT INSERT ON review_items TO ${MAINTENANCE_ROLE}`);
      await db.query(`SET LOCAL ROLE ${MAINTENANCE_ROLE}`);
      await db.query(`
        INSERT INTO review_items (decision_id, tenant_id, automation_id, recorded_at, due_at)
        SELECT d.id, d.tenant_id, d.automation_id, d.recorded_at, d.recorded_at + interval '${DEFAULT_SLA_MINUTES} minutes'
          FROM decisions d
         WHERE d.status = 'pending_review' AND NOT EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = d.id)`);
      await db.query(`RESET ROLE`);
      await db.query(`REVOKE INSERT ON review_items FROM ${MAINTENANCE_ROLE}`);
    });
    for (const fn of ['attest_overdue_review_tenants()']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO attest_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await reclaimMaintenanceFunctions(db);
    await db.query(`DROP FUNCTION attest_overdue_review_tenants()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION attest_review_backlog()
        RETURNS TABLE (tenant_id uuid, automation_id uuid, pending bigint, oldest_recorded_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT d.tenant_id, d.automation_id, count(*), min(d.recorded_at)
           FROM decisions d
          WHERE d.status = 'pending_review' AND NOT EXISTS (SELECT 1 FROM decision_reviews r WHERE r.decision_id = d.id)
          GROUP BY d.tenant_id, d.automation_id $$`);
    await withMaintenanceFunctions(db, async () => undefined);
    await db.query(`DELETE FROM webhook_deliveries WHERE event = ${OVERDUE_EVENT}`);
    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`UPDATE webhook_subscriptions SET events = array_remove(events, ${OVERDUE_EVENT})`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${DECISION_EVENTS}, ${MONITOR_EVENTS}])`);
    await db.query(`DROP TRIGGER decisions_open_review_items ON decisions`);
    await db.query(`DROP FUNCTION attest_open_review_items()`);
    await db.query(`DROP TABLE review_items, review_settings`);
  }
}

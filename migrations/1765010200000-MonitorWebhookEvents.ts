import type { MigrationInterface, QueryRunner } from 'typeorm';

const DECISION_EVENTS = `'decision.recorded', 'decision.pending_review', 'decision.blocked', 'decision.reviewed'`;
const MONITOR_EVENTS = `'monitor.alert', 'monitor.recovered'`;

/**
 * Webhooks for the drift monitors' state changes (docs/monitoring.md): a subscription of an
 * automation may take `monitor.alert` and `monitor.recovered`, and a delivery announces either a
 * decision or a monitor's state change (`monitor_id`; no foreign key across contexts, as lineage
 * node ids). A monitor remembers its automation, the scope of the subscriptions it announces to.
 */
export class MonitorWebhookEvents1765010200000 implements MigrationInterface {
  name = 'MonitorWebhookEvents1765010200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${DECISION_EVENTS}, ${MONITOR_EVENTS}])`);
    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN decision_id DROP NOT NULL`);
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN monitor_id uuid`);
    await db.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_subject CHECK ((decision_id IS NULL) <> (monitor_id IS NULL))`,
    );
    await db.query(`ALTER TABLE monitors ADD COLUMN automation_id uuid REFERENCES automations(id)`);
    await db.query(`UPDATE monitors m SET automation_id = v.automation_id FROM automation_versions v WHERE v.id = m.automation_version_id`);
    await db.query(`ALTER TABLE monitors ALTER COLUMN automation_id SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE monitors DROP COLUMN automation_id`);
    await db.query(`DELETE FROM webhook_deliveries WHERE monitor_id IS NOT NULL`);
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_subject`);
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN monitor_id`);
    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN decision_id SET NOT NULL`);
    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${DECISION_EVENTS}])`);
  }
}

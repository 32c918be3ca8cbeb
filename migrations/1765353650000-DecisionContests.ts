import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'decision.recorded', 'decision.pending_review', 'decision.blocked', 'decision.reviewed', 'monitor.alert', 'monitor.recovered', 'decision.review_overdue'`;
const CONTESTED = `'decision.contested'`;

/**
 * Contests (docs/evidence.md "For the person decided about"): the person's request for human
 * intervention in an automated decision (GDPR Art. 22(3), AI Act Art. 86). A contest opens (or takes
 * over) the decision's review item as a priority item with its own deadline, and is answered by a
 * review: so a decision reviewed once may be reviewed again, once per contest. Its first review stays
 * unique (the index keeps the constraint's name and message); the review that answers a contest names it.
 * The contact is personal data: it is kept here only, never in the audit trail or a webhook.
 */
export class DecisionContests1765353650000 implements MigrationInterface {
  name = 'DecisionContests1765353650000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE decision_contests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        decision_id uuid NOT NULL REFERENCES decisions(id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
        contact text CHECK (char_length(contact) BETWEEN 1 AND 320),
        contested_by uuid NOT NULL REFERENCES principals(id),
        contested_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        due_at timestamptz(3) NOT NULL,
        review_id uuid REFERENCES decision_reviews(id),
        resolved_at timestamptz(3),
        CHECK ((review_id IS NULL) = (resolved_at IS NULL))
      )`);
    // One open contest per decision: a second while one is open is CONFLICT, also under a race.
    await db.query(`CREATE UNIQUE INDEX decision_contests_open ON decision_contests (decision_id) WHERE review_id IS NULL`);
    await db.query(`CREATE INDEX decision_contests_decision ON decision_contests (tenant_id, decision_id, contested_at)`);
    await db.query(`ALTER TABLE decision_contests ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE decision_contests FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON decision_contests
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    // Resolved once, by the review that answers it; nothing else of a contest ever changes.
    await db.query(`GRANT SELECT, INSERT ON decision_contests TO attest_app`);
    await db.query(`GRANT UPDATE (review_id, resolved_at) ON decision_contests TO attest_app`);

    await db.query(`ALTER TABLE review_items ADD COLUMN contest_id uuid REFERENCES decision_contests(id)`);
    await db.query(`ALTER TABLE decision_reviews ADD COLUMN contest_id uuid UNIQUE REFERENCES decision_contests(id)`);
    await db.query(`ALTER TABLE decision_reviews DROP CONSTRAINT decision_reviews_decision_id_key`);
    await db.query(`CREATE UNIQUE INDEX decision_reviews_decision_id_key ON decision_reviews (decision_id) WHERE contest_id IS NULL`);
    await db.query(`CREATE INDEX decision_reviews_latest ON decision_reviews (decision_id, created_at DESC, id DESC)`);

    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${EVENTS_BEFORE}, ${CONTESTED}])`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM webhook_deliveries WHERE event = ${CONTESTED}`);
    await db.query(`ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_subscriptions_events_check`);
    await db.query(`UPDATE webhook_subscriptions SET events = array_remove(events, ${CONTESTED})`);
    await db.query(`
      ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_events_check
      CHECK (cardinality(events) > 0 AND events <@ ARRAY[${EVENTS_BEFORE}])`);
    // Fails, as it should, once a decision has a second review: append-only facts are not thrown away.
    await db.query(`DROP INDEX decision_reviews_latest`);
    await db.query(`DROP INDEX decision_reviews_decision_id_key`);
    await db.query(`ALTER TABLE decision_reviews ADD CONSTRAINT decision_reviews_decision_id_key UNIQUE (decision_id)`);
    await db.query(`ALTER TABLE decision_reviews DROP COLUMN contest_id`);
    await db.query(`ALTER TABLE review_items DROP COLUMN contest_id`);
    await db.query(`DROP TABLE decision_contests`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's lists (issue 15) stay index-backed with 10⁶ decisions in a tenant (plans and
 * timings in docs/performance.md, "Console reads"). Each list pages newest first on (time, id):
 *  - decisions by status: a rare status (blocked) otherwise walks the whole page index; the same
 *    index answers the overview's decisions per day and status as an index-only scan;
 *  - decisions by occurredAt: an old, narrow range otherwise walks the page index down to it
 *    (0.5 s at 10⁶); with this index it is a bitmap scan of the range and a top-N sort;
 *  - decisions by confidence: a narrow band otherwise filters tens of thousands of rows;
 *  - audit events by actor, action and subject type: the actor index had no order, so the busiest
 *    actor (a service recording decisions) sorted all its events for one page.
 * Plain CREATE INDEX (migrations run in a transaction): on a large table, run in a quiet window.
 */
export class ConsoleReadIndexes1764921600000 implements MigrationInterface {
  name = 'ConsoleReadIndexes1764921600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX decisions_status ON decisions (tenant_id, status, recorded_at DESC, id DESC)`);
    await db.query(`CREATE INDEX decisions_occurred ON decisions (tenant_id, occurred_at)`);
    await db.query(`CREATE INDEX decisions_confidence ON decisions (tenant_id, confidence) WHERE confidence IS NOT NULL`);
    await db.query(`DROP INDEX audit_events_actor`);
    await db.query(`CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, occurred_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_action ON audit_events (tenant_id, action, occurred_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_subject_type ON audit_events (tenant_id, subject_type, occurred_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_events_subject_type`);
    await db.query(`DROP INDEX audit_events_action`);
    await db.query(`DROP INDEX audit_events_actor`);
    await db.query(`CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id)`);
    await db.query(`DROP INDEX decisions_confidence`);
    await db.query(`DROP INDEX decisions_occurred`);
    await db.query(`DROP INDEX decisions_status`);
  }
}

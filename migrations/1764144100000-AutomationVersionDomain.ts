import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application domain of an automation version (e.g. an EU AI Act Annex III area), for risk classification by policy. */
export class AutomationVersionDomain1764144100000 implements MigrationInterface {
  name = 'AutomationVersionDomain1764144100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation_versions ADD COLUMN domain text CHECK (domain ~ '^[a-z][a-z0-9_]{0,63}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation_versions DROP COLUMN domain`);
  }
}

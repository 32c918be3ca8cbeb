import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy packs, kept forever by digest (content-addressed, shared by all tenants), and each
 * tenant's activations of them: the active pack is the latest activation. Both append-only, so
 * any past evaluation can be replayed against the exact policies that judged it.
 */
export class PolicyPacks1764144000000 implements MigrationInterface {
  name = 'PolicyPacks1764144000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_packs (
        digest text PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
        name text NOT NULL,
        policies jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE policy_pack_activations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        digest text NOT NULL REFERENCES policy_packs(digest),
        activated_by uuid NOT NULL REFERENCES principals(id),
        rationale text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX policy_pack_activations_page ON policy_pack_activations (tenant_id, created_at DESC, id DESC)`);
    for (const table of ['policy_packs', 'policy_pack_activations']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_change()`);
    }
    await db.query(`ALTER TABLE policy_pack_activations ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON policy_pack_activations
      USING (tenant_id = attest_current_tenant()) WITH CHECK (tenant_id = attest_current_tenant())`);
    await db.query(`GRANT SELECT, INSERT ON policy_packs, policy_pack_activations TO attest_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE policy_pack_activations, policy_packs`);
  }
}

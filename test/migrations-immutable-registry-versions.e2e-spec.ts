import { DataSource } from 'typeorm';
import { runMigrations } from '@attest/core';
import { MIGRATIONS } from '../migrations';
import { createTestDatabase, withClient } from './support/test-database';

const BEFORE = MIGRATIONS.slice(
  0,
  MIGRATIONS.findIndex((m) => m.name === 'ImmutableRegistryVersions1764748800000'),
);
const TENANT = '11111111-1111-4111-8111-111111111111';
const PRINCIPAL = '22222222-2222-4222-8222-222222222222';
const [DATA_V1, DATA_V2, MODEL_V1, AUTOMATION_V1] = ['a', 'b', 'c', 'd'].map(
  (c) => `${c.repeat(8)}-${c.repeat(4)}-4${c.repeat(3)}-8${c.repeat(3)}-${c.repeat(12)}`,
);

/** The registry as it was before the upgrade: versions with links, registered a second apart. */
const REGISTERED_BEFORE = `
  INSERT INTO tenants (id, name, slug) VALUES ('${TENANT}', 'upgrade', 'upgrade');
  INSERT INTO principals (id, tenant_id, kind, name) VALUES ('${PRINCIPAL}', '${TENANT}', 'human', 'morgan');
  INSERT INTO datasets (id, tenant_id, name, owner_id) VALUES ('${DATA_V1}', '${TENANT}', 'claims', '${PRINCIPAL}');
  INSERT INTO models (id, tenant_id, name, owner_id) VALUES ('${MODEL_V1}', '${TENANT}', 'triage', '${PRINCIPAL}');
  INSERT INTO automations (id, tenant_id, key, name, owner_id) VALUES ('${AUTOMATION_V1}', '${TENANT}', 'bot', 'bot', '${PRINCIPAL}');
  INSERT INTO dataset_versions (id, tenant_id, dataset_id, version, source_uri, digest, created_by, created_at) VALUES
    ('${DATA_V2}', '${TENANT}', '${DATA_V1}', '2', 's3://lake/2', 'sha256:22', '${PRINCIPAL}', '2026-01-01T00:00:02Z'),
    ('${DATA_V1}', '${TENANT}', '${DATA_V1}', '1', 's3://lake/1', 'sha256:11', '${PRINCIPAL}', '2026-01-01T00:00:01Z');
  INSERT INTO model_versions (id, tenant_id, model_id, version, artifact_uri, artifact_digest, framework, risk_tier, created_by, created_at)
    VALUES ('${MODEL_V1}', '${TENANT}', '${MODEL_V1}', '1', 's3://models/1', 'sha256:33', 'xgboost', 'low', '${PRINCIPAL}', '2026-01-01T00:00:03Z');
  INSERT INTO model_version_datasets (tenant_id, model_version_id, dataset_version_id, purpose) VALUES
    ('${TENANT}', '${MODEL_V1}', '${DATA_V1}', 'training'), ('${TENANT}', '${MODEL_V1}', '${DATA_V2}', 'evaluation');
  INSERT INTO automation_versions (id, tenant_id, automation_id, version, purpose, risk_class, oversight_mode, environment, created_by, created_at)
    VALUES ('${AUTOMATION_V1}', '${TENANT}', '${AUTOMATION_V1}', '1', 'route', 'minimal', 'none', 'dev', '${PRINCIPAL}', '2026-01-01T00:00:04Z');
  INSERT INTO automation_version_models (tenant_id, automation_version_id, model_version_id) VALUES ('${TENANT}', '${AUTOMATION_V1}', '${MODEL_V1}');`;

describe('migration ImmutableRegistryVersions', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const sql = (text: string) => withClient(database.url, (c) => c.query(text)).then((r) => r.rows);
  const registryLeaves = () =>
    sql(`SELECT kind, fact_id, fact::jsonb = attest_ledger_fact(kind, fact_id) AS verifies FROM ledger_leaves
          WHERE kind IN ('dataset_version', 'model_version', 'automation_version') ORDER BY id`);
  const appMay = (privilege: string, table: string) =>
    sql(`SELECT has_table_privilege('attest_app', '${table}', '${privilege}') AS may`).then(([r]) => r.may as boolean);

  beforeAll(async () => {
    database = await createTestDatabase();
    await runMigrations(database.url, BEFORE);
    await sql(REGISTERED_BEFORE);
  });
  afterAll(() => database?.drop());

  it('gives the versions registered before it leaves, in the order they were registered, each matching its row', async () => {
    await runMigrations(database.url, MIGRATIONS);
    const expected = [
      { kind: 'dataset_version', fact_id: DATA_V1, verifies: true },
      { kind: 'dataset_version', fact_id: DATA_V2, verifies: true },
      { kind: 'model_version', fact_id: MODEL_V1, verifies: true },
      { kind: 'automation_version', fact_id: AUTOMATION_V1, verifies: true },
    ];
    expect(await registryLeaves()).toEqual(expected);
    const [model] = await sql(`SELECT fact::jsonb AS fact FROM ledger_leaves WHERE kind = 'model_version'`);
    expect(model.fact).toMatchObject({
      artifactDigest: 'sha256:33',
      trainingDatasetVersions: [{ id: DATA_V1, digest: 'sha256:11' }],
      evaluationDatasetVersions: [{ id: DATA_V2, digest: 'sha256:22' }],
    });
    expect(await appMay('UPDATE', 'model_versions')).toBe(false);
    expect(await sql(`SELECT has_column_privilege('attest_app', 'model_versions', 'status', 'UPDATE') AS may`)).toEqual([{ may: true }]);
  });

  it('reverts, then applies again without giving a version a second leaf', async () => {
    const dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: MIGRATIONS,
      migrationsTableName: 'attest_migrations',
    });
    await dataSource.initialize();
    try {
      // This migration and every later one, newest first.
      for (let i = BEFORE.length; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await appMay('UPDATE', 'model_versions')).toBe(true);
    expect(await appMay('DELETE', 'model_version_datasets')).toBe(true);
    expect(await sql(`SELECT tgname FROM pg_trigger WHERE tgname LIKE 'model_versions_%' ORDER BY tgname`)).toEqual([]);
    // The ledger is never rewritten: the leaves stay (with no fact behind them until `up` again).
    expect((await registryLeaves()).map((l) => l.verifies)).toEqual([null, null, null, null]);

    await runMigrations(database.url, MIGRATIONS);
    expect((await registryLeaves()).map((l) => [l.fact_id, l.verifies])).toEqual([
      [DATA_V1, true],
      [DATA_V2, true],
      [MODEL_V1, true],
      [AUTOMATION_V1, true],
    ]);
    await expect(sql(`UPDATE model_versions SET artifact_digest = 'sha256:44'`)).rejects.toThrow(/model_versions is an immutable snapshot/);
  });
});

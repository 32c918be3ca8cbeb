import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** A fixed advisory-lock key, so that processes starting together migrate one at a time. */
const MIGRATION_LOCK = 7_400_215_001;

/** Runs pending migrations as the owner; each in its own transaction. Returns the names applied. */
export async function runMigrations(ownerUrl: string, migrations: MigrationClass[]): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    migrationsTableName: 'attest_migrations',
    synchronize: false,
    logging: false,
  });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.end();
  }
}

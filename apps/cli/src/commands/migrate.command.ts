import { runMigrations } from '@attest/core';
import { MIGRATIONS } from '../../../../migrations';
import { defineCommand } from '../command';
import { openLocalDatabase } from '../local/local-app';
import { loadCliConfig } from '../local/cli-config';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Apply pending database migrations',
  description:
    'Applies pending migrations to DATABASE_URL or, when it is unset, to the embedded PostgreSQL in ATTEST_DATA_DIR ' +
    '(started for the run and stopped afterwards). The API also migrates at start; this is for deploy pipelines.',
  options: {},
  async run(_options, io) {
    const config = loadCliConfig();
    const server = await openLocalDatabase(config);
    try {
      const where = server.embedded ? `the embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL';
      const applied = await runMigrations(server.url, MIGRATIONS);
      io.out(
        applied.length === 0
          ? `No pending migrations on ${where}.\n`
          : `Applied ${applied.length} migration(s) to ${where}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
      );
    } finally {
      await server.stop();
    }
  },
});

import { runMigrations } from '@attest/core';
import { MIGRATIONS } from '../../../../migrations';
import type { CommandRun } from '../command';
import { loadCliConfig } from '../local/cli-config';
import { openLocalDatabase } from '../local/local-app';
import type { migrateOptions } from './migrate.command';

export const run: CommandRun<typeof migrateOptions> = async (_options, io) => {
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
};
